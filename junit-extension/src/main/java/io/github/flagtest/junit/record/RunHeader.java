package io.github.flagtest.junit.record;

import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.core.Variants;
import io.github.flagtest.junit.context.Settings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first line of a run file: when it started, the Maven build it belongs to (null outside one), the
 * profile and catalog of the run, with their flags.
 */
final class RunHeader {

    private RunHeader() {}

    static Map<String, Object> of(Settings settings) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("kind", "run");
        header.put("version", TestRecord.VERSION);
        header.put("startedAt", java.time.Instant.now().toString());
        header.put("build", BuildId.current().orElse(null));
        header.put("profile", settings.profile().map(FlagCatalog::source).orElse(null));
        header.put(
                "profileValues",
                settings.profile().map(p -> plain(p.defaults())).orElse(Map.of()));
        header.put(
                "profileAttributes",
                settings.profile().map(p -> attributes(p.defaults())).orElse(Map.of()));
        header.put("catalog", settings.catalog().map(FlagCatalog::source).orElse(null));
        Map<String, Object> flags = new LinkedHashMap<>();
        settings.catalog()
                .ifPresent(catalog -> catalog.names().forEach(name -> {
                    var definition = catalog.get(name).orElseThrow();
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("default", FlagState.plain(definition.defaultValue()));
                    if (definition.defaultValue() instanceof Variants variants) {
                        entry.put(
                                "variants",
                                variants.variants().stream()
                                        .map(Variants.Variant::name)
                                        .toList());
                    }
                    if (!definition.attributes().isEmpty()) {
                        entry.put("attributes", definition.attributes());
                    }
                    entry.put("description", definition.description());
                    entry.put("deprecated", definition.deprecated());
                    entry.put(
                            "createdAt",
                            definition.createdAt().map(Object::toString).orElse(null));
                    flags.put(name, entry);
                }));
        header.put("catalogFlags", flags);
        return header;
    }

    /** Each flag's attribute values (a multi-variant flag's default variant's), for flags that have any. */
    private static Map<String, Object> attributes(FlagState state) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        state.flags().forEach(flag -> {
            if (!state.attributes(flag).isEmpty()) {
                attributes.put(flag, state.attributes(flag));
            }
        });
        return attributes;
    }

    /** The values as plain Booleans and variant names: a multi-variant flag as its default. */
    private static Map<String, Object> plain(FlagState state) {
        Map<String, Object> values = new LinkedHashMap<>();
        state.asMap().forEach((flag, value) -> values.put(flag, FlagState.plain(value)));
        return values;
    }
}
