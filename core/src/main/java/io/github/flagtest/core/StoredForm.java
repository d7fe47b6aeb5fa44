package io.github.flagtest.core;

import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import io.github.flagtest.shaded.jackson.databind.node.ArrayNode;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A flag state written into AWS's stored form on top of a team's own document: its flag
 * declarations (names, descriptions, attribute constraints, {@code _deprecation}) stay as written,
 * each flag of the state gets its value there (multi-variant flags with their {@code _variants},
 * rules and {@code attributeValues}; a pinned variant as the flag's one default variant; a basic
 * flag's {@code enabled} and attribute values), and a flag or attribute the document does not
 * declare is declared with the type of its value, as AppConfig requires.
 */
final class StoredForm {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredForm() {}

    static ObjectNode write(JsonNode base, FlagState state) {
        ObjectNode document = base != null && base.isObject() && base.has("version")
                ? ((ObjectNode) base).deepCopy()
                : JSON.createObjectNode().put("version", "1");
        ObjectNode flags = child(document, "flags");
        ObjectNode values = child(document, "values");
        state.asMap().forEach((flag, value) -> {
            ObjectNode definition = flags.has(flag) ? (ObjectNode) flags.get(flag) : flags.putObject(flag);
            if (!definition.has("name")) {
                definition.put("name", flag);
            }
            ObjectNode stored = values.putObject(flag);
            if (value instanceof Variants variants) {
                ArrayNode list = stored.putArray("_variants");
                for (Variants.Variant variant : variants.variants()) {
                    ObjectNode node =
                            list.addObject().put("name", variant.name()).put("enabled", variant.enabled());
                    variant.rule().ifPresent(rule -> node.put("rule", rule));
                    if (!variant.attributes().isEmpty()) {
                        node.set("attributeValues", JSON.valueToTree(variant.attributes()));
                    }
                    declare(definition, variant.attributes());
                }
                return;
            }
            Map<String, Object> attributes = state.attributes(flag);
            stored.put("enabled", FlagState.isOnValue(value));
            if (value instanceof String variant) {
                ObjectNode only = stored.putArray("_variants")
                        .addObject()
                        .put("name", variant)
                        .put("enabled", true);
                if (!attributes.isEmpty()) {
                    only.set("attributeValues", JSON.valueToTree(attributes));
                }
            } else {
                attributes.forEach((name, attribute) -> stored.set(name, JSON.valueToTree(attribute)));
            }
            declare(definition, attributes);
        });
        return document;
    }

    private static ObjectNode child(ObjectNode document, String name) {
        return document.get(name) instanceof ObjectNode object ? object : document.putObject(name);
    }

    /** AWS refuses attribute values a flag does not declare: declare each with the type of its value. */
    private static void declare(ObjectNode definition, Map<String, Object> attributes) {
        attributes.forEach((name, attribute) -> {
            ObjectNode declared = child(definition, "attributes");
            if (!declared.has(name)) {
                declared.putObject(name).putObject("constraints").put("type", type(attribute));
            }
        });
    }

    static String type(Object attribute) {
        if (attribute instanceof Number) {
            return "number";
        }
        if (attribute instanceof Boolean) {
            return "boolean";
        }
        return attribute instanceof List ? "array" : "string";
    }
}
