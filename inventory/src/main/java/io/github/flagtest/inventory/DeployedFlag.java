package io.github.flagtest.inventory;

import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.core.Variants;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One flag as a hosted configuration version declares it: what changes when its value, variant
 * rules or attributes change. Two equal values mean the flag did not change between versions.
 *
 * @param enabled a basic flag's value; a multi-variant flag's default variant's
 * @param attributes the attribute values (the default variant's for a multi-variant flag)
 * @param variants a multi-variant flag's variants in order, empty for a basic flag
 */
record DeployedFlag(boolean enabled, Map<String, Object> attributes, List<Variant> variants) {

    /** One variant as deployed. */
    record Variant(String name, boolean enabled, String rule, Map<String, Object> attributes) {}

    DeployedFlag {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        variants = List.copyOf(variants);
    }

    /**
     * The flags of a hosted version's content (AWS's stored form), through core's catalog, in the
     * document's order.
     *
     * @throws io.github.flagtest.core.FlagTestException when the document is not a valid feature flag document
     */
    static Map<String, DeployedFlag> parse(String content, String sourceName) {
        FlagState state = FlagCatalog.parse(content, sourceName).defaults();
        Map<String, DeployedFlag> flags = new LinkedHashMap<>();
        for (String flag : state.flags()) {
            Object value = state.value(flag).orElseThrow();
            List<Variant> variants = value instanceof Variants multi
                    ? multi.variants().stream()
                            .map(v ->
                                    new Variant(v.name(), v.enabled(), v.rule().orElse(null), v.attributes()))
                            .toList()
                    : List.of();
            flags.put(flag, new DeployedFlag(state.isOn(flag), state.attributes(flag), variants));
        }
        return flags;
    }
}
