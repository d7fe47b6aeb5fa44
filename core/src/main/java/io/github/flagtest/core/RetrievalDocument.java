package io.github.flagtest.core;

import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;

/**
 * A flag state in AppConfig's retrieval form: every flag of the state, OFF ones as
 * {@code {"enabled": false}}, a pinned variant as {@code {"enabled": true, "_variant": "B"}}, a
 * multi-variant flag as the variant it serves (its default, unless the state was narrowed to the
 * variant a context selects), with that variant's attribute values.
 */
final class RetrievalDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RetrievalDocument() {}

    static String of(FlagState state) {
        ObjectNode document = JSON.createObjectNode();
        state.asMap().forEach((flag, value) -> document.set(flag, node(value)));
        return document.toString();
    }

    static String flag(FlagState state, String flag) {
        return node(state.value(flag).orElseThrow()).toString();
    }

    private static ObjectNode node(Object value) {
        if (value instanceof Variants variants) {
            return variant(variants.defaultVariant());
        }
        ObjectNode node = JSON.createObjectNode().put("enabled", FlagState.isOnValue(value));
        if (value instanceof String variant) {
            node.put("_variant", variant);
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
