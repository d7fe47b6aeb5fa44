package io.github.flagtest.core;

import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.networknt.schema.Error;
import io.github.flagtest.shaded.networknt.schema.Schema;
import io.github.flagtest.shaded.networknt.schema.SchemaRegistry;
import io.github.flagtest.shaded.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * AWS's published JSON schema of the {@code AWS.AppConfig.FeatureFlags} stored form (shipped as a
 * resource, checked with networknt's validator). Source:
 * https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-type-reference-feature-flags.html
 */
final class FlagDocumentSchema {

    static final String TYPE = "AWS.AppConfig.FeatureFlags";

    private static final Schema SCHEMA = load();

    private FlagDocumentSchema() {}

    private static Schema load() {
        try (InputStream in = FlagDocumentSchema.class.getResourceAsStream(TYPE + ".schema.json")) {
            if (in == null) {
                throw new IllegalStateException("flagtest-core lacks its " + TYPE + ".schema.json resource");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + TYPE + " schema", e);
        }
    }

    /** The schema's complaints about {@code document}, each "JSON path: what is wrong". */
    static List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        for (Error error : SCHEMA.validate(document)) {
            String path = jsonPath(error.getInstanceLocation().toString());
            problems.add(path + ": " + error.getMessage() + hint(error.getMessage()));
        }
        return problems;
    }

    /** A flagtest habit that is not AWS's stored form, named with what to write instead. */
    private static String hint(String message) {
        if (message.contains("'_variant'")) {
            return " (\"_variant\" is the retrieval form; in the stored form pin a variant as"
                    + " \"_variants\": [{\"name\": \"B\", \"enabled\": true}])";
        }
        return "";
    }

    /** {@code /values/a/_variants/0} (JSON Pointer, the validator's form) as {@code $.values.a._variants[0]}. */
    static String jsonPath(String pointer) {
        StringBuilder path = new StringBuilder("$");
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            path.append(name.chars().allMatch(Character::isDigit) ? "[" + name + "]" : "." + name);
        }
        return path.toString();
    }
}
