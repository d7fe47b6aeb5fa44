package io.github.flagtest.junit;

import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.core.FlagTestException;
import io.github.flagtest.core.Variants;
import io.github.flagtest.shaded.jackson.core.JsonProcessingException;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The {@code attributes} of a {@link WithFlag}: each {@code name=value} typed by the catalog's
 * declared type, else read as a JSON literal, else taken as a string.
 */
final class AttributePins {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AttributePins() {}

    static FlagState apply(FlagState pins, WithFlag pin, String where, Optional<FlagCatalog> catalog) {
        FlagState state = pins;
        for (String entry : pin.attributes()) {
            int equals = entry.indexOf('=');
            if (equals <= 0 || entry.substring(0, equals).isBlank()) {
                throw misuse(pin, where, "'" + entry + "' is not name=value; write e.g. \"maxItems=5\"");
            }
            String name = entry.substring(0, equals).trim();
            String text = entry.substring(equals + 1);
            Optional<String> type = catalog.flatMap(known -> known.attributeType(pin.name(), name));
            try {
                state = state.withAttribute(pin.name(), name, value(text, type));
            } catch (FlagTestException | IllegalArgumentException e) {
                throw misuse(pin, where, "attribute '" + name + "': " + e.getMessage());
            }
        }
        return state;
    }

    private static Object value(String text, Optional<String> type) {
        if (type.filter("string"::equals).isPresent()) {
            return text;
        }
        Object literal = literal(text);
        if (type.isEmpty()) {
            return literal == null ? text : literal;
        }
        boolean fits = switch (type.get()) {
            case "number" -> literal instanceof Number;
            case "boolean" -> literal instanceof Boolean;
            case "array" -> literal instanceof List;
            default -> literal != null;
        };
        if (!fits) {
            throw new IllegalArgumentException("'" + text + "' is not a " + type.get()
                    + ", the type the catalog declares"
                    + ("array".equals(type.get()) ? "; write a JSON array such as [\"eu\",\"us\"]" : ""));
        }
        return literal;
    }

    /** {@code text} as a JSON number, boolean, array or quoted string; null if it is none of these. */
    private static Object literal(String text) {
        try {
            Object value = JSON.readValue(text, Object.class);
            return value instanceof Map ? null : value;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A pinned variant with the pin's attribute values over its own. */
    static Variants onVariant(Variants pinned, Map<String, Object> attributes) {
        if (attributes.isEmpty()) {
            return pinned;
        }
        Variants.Variant variant = pinned.defaultVariant();
        Map<String, Object> merged = new LinkedHashMap<>(variant.attributes());
        merged.putAll(attributes);
        return Variants.of(List.of(new Variants.Variant(variant.name(), variant.enabled(), variant.rule(), merged)));
    }

    static String describe(WithFlag pin) {
        return "@WithFlag(name = \"" + pin.name() + "\", attributes = "
                + (pin.attributes().length == 1
                        ? "\"" + pin.attributes()[0] + "\""
                        : "{\"" + String.join("\", \"", pin.attributes()) + "\"}")
                + ")";
    }

    private static ExtensionConfigurationException misuse(WithFlag pin, String where, String problem) {
        return new ExtensionConfigurationException(describe(pin) + " on " + where + ": " + problem);
    }
}
