package io.github.flagtest.e2e.harness;

import io.github.flagtest.core.AppConfigEndpoint;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.core.Variants;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import io.github.flagtest.shaded.jackson.databind.node.ArrayNode;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A flag state as an AppConfig feature-flag document: the stored form for AppConfig, in AWS's own
 * format (multi-variant flags with their {@code _variants} and rules; a pinned variant as the flag's
 * one default variant, {@code "_variants": [{"name": "B", "enabled": true}]}), and the retrieval
 * form for SSM (what AppConfig serves without a context, {@link AppConfigEndpoint#retrievalDocument}).
 */
final class StoredDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredDocument() {}

    static String stored(FlagState state) {
        ObjectNode document = JSON.createObjectNode().put("version", "1");
        ObjectNode flags = document.putObject("flags");
        ObjectNode values = document.putObject("values");
        state.asMap().forEach((flag, value) -> {
            ObjectNode definition = flags.putObject(flag).put("name", flag);
            ObjectNode stored = values.putObject(flag);
            if (value instanceof Variants variants) {
                declareAttributes(definition, variants);
                ArrayNode list = stored.putArray("_variants");
                for (Variants.Variant variant : variants.variants()) {
                    ObjectNode node =
                            list.addObject().put("name", variant.name()).put("enabled", variant.enabled());
                    variant.rule().ifPresent(rule -> node.put("rule", rule));
                    if (!variant.attributes().isEmpty()) {
                        node.set("attributeValues", JSON.valueToTree(variant.attributes()));
                    }
                }
                return;
            }
            stored.put("enabled", state(value));
            if (value instanceof String variant) {
                stored.putArray("_variants").addObject().put("name", variant).put("enabled", true);
            }
        });
        return document.toString();
    }

    static String retrieval(FlagState state) {
        return AppConfigEndpoint.retrievalDocument(state); // what AppConfig serves without a context
    }

    /** AWS refuses attribute values a flag does not declare: declare each with the type of its values. */
    private static void declareAttributes(ObjectNode definition, Variants variants) {
        for (Variants.Variant variant : variants.variants()) {
            variant.attributes().forEach((name, attribute) -> {
                ObjectNode attributes = definition.has("attributes")
                        ? (ObjectNode) definition.get("attributes")
                        : definition.putObject("attributes");
                if (!attributes.has(name)) {
                    String type = attribute instanceof Number
                            ? "number"
                            : attribute instanceof Boolean ? "boolean" : attribute instanceof List ? "array" : "string";
                    attributes.putObject(name).putObject("constraints").put("type", type);
                }
            });
        }
    }

    private static boolean state(Object value) {
        return value instanceof String || Boolean.TRUE.equals(value);
    }
}
