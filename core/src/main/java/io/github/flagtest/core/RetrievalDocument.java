package io.github.flagtest.core;

import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;

/**
 * A flag state in AppConfig's retrieval form: every flag of the state, OFF ones as
 * {@code {"enabled": false}}, an ON one with its attribute values ({@code {"enabled": true,
 * "maxItems": 5}}), a pinned variant as {@code {"enabled": true, "_variant": "B", ...}}, a
 * multi-variant flag as the variant it serves (its default, unless the state was narrowed to the
 * variant a context selects), with that variant's attribute values. A disabled flag or variant is
 * served without attribute values, as AppConfig serves it.
 */
final class RetrievalDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RetrievalDocument() {}

    static String of(FlagState state) {
        ObjectNode document = JSON.createObjectNode();
        state.flags().forEach(flag -> document.set(flag, node(state, flag)));
        return document.toString();
    }

    static String flag(FlagState state, String flag) {
        return node(state, flag).toString();
    }

    private static ObjectNode node(FlagState state, String flag) {
        Object value = state.value(flag).orElseThrow();
        if (value instanceof Variants variants) {
            return variant(variants.defaultVariant());
        }
        boolean enabled = FlagState.isOnValue(value);
        ObjectNode node = JSON.createObjectNode().put("enabled", enabled);
        if (value instanceof String variant) {
            node.put("_variant", variant);
        }
        if (enabled) {
            state.attributes(flag).forEach((name, attribute) -> node.set(name, JSON.valueToTree(attribute)));
        }
        return node;
    }

    /**
     * A variant as AWS AppConfig Agent answers it: {@code {"_variant": "Gold", "enabled": true, ...
     * attribute values}}, as AWS's samples for the agent's local development mode show each
     * variant's content
     * (https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-agent-how-to-use-local-development-samples.html).
     */
    private static ObjectNode variant(Variants.Variant variant) {
        ObjectNode node =
                JSON.createObjectNode().put("_variant", variant.name()).put("enabled", variant.enabled());
        if (variant.enabled()) { // as for a basic flag, a disabled variant serves no attribute values
            variant.attributes().forEach((name, value) -> node.set(name, JSON.valueToTree(value)));
        }
        return node;
    }
}
