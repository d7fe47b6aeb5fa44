package io.github.flagtest.e2e.harness;

import io.github.flagtest.core.FlagState;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;

/**
 * A flag state as an AppConfig feature-flag document: the stored form for AppConfig, in AWS's own
 * format (a variant is the flag's one default variant, {@code "_variants": [{"name": "B",
 * "enabled": true}]}), and the retrieval form for SSM (what AppConfig serves: {@code "_variant"}).
 */
final class StoredDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredDocument() {}

    static String stored(FlagState state) {
        ObjectNode document = JSON.createObjectNode().put("version", "1");
        ObjectNode flags = document.putObject("flags");
        ObjectNode values = document.putObject("values");
        state.asMap().forEach((flag, value) -> {
            flags.putObject(flag).put("name", flag);
            ObjectNode stored = values.putObject(flag).put("enabled", state(value));
            if (value instanceof String variant) {
                stored.putArray("_variants").addObject().put("name", variant).put("enabled", true);
            }
        });
        return document.toString();
    }

    static String retrieval(FlagState state) {
        ObjectNode document = JSON.createObjectNode();
        state.asMap().forEach((flag, value) -> document.set(flag, value(value)));
        return document.toString();
    }

    private static ObjectNode value(Object value) {
        ObjectNode node = JSON.createObjectNode().put("enabled", state(value));
        if (value instanceof String variant) {
            node.put("_variant", variant);
        }
        return node;
    }

    private static boolean state(Object value) {
        return value instanceof String || Boolean.TRUE.equals(value);
    }
}
