package io.github.flagtest.core;

import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;

/**
 * A flag state in AppConfig's retrieval form: every flag of the state, OFF ones as
 * {@code {"enabled": false}}, variants as {@code {"enabled": true, "_variant": "B"}}.
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
        ObjectNode node = JSON.createObjectNode().put("enabled", FlagState.isOnValue(value));
        if (value instanceof String variant) {
            node.put("_variant", variant);
        }
        return node;
    }
}
