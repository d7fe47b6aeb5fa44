package io.github.flagtest.e2e.embedded;

import io.github.flagtest.core.FlagDocumentRules;
import io.github.flagtest.shaded.jackson.core.JsonProcessingException;
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
 * What AWS AppConfig checks in a hosted configuration version of an {@code
 * AWS.AppConfig.FeatureFlags} profile: the published JSON schema (shipped as a resource, checked
 * with networknt's validator), then the semantic rules the schema cannot say, which core's {@link
 * FlagDocumentRules} holds for the parser and for this check alike. Each problem names its JSON path.
 *
 * <p>Sources: https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-type-reference-feature-flags.html
 * (the schema), .../appconfig-creating-configuration-and-profile-feature-flags.html (attributes and
 * constraints) and .../appconfig-creating-multi-variant-feature-flags.html (variants, the default
 * variant last). Internal to flagtest (public for its E2E deployer's tests).
 */
public final class FeatureFlagSchema {

    static final String TYPE = "AWS.AppConfig.FeatureFlags";

    private static final Schema SCHEMA = load();

    private FeatureFlagSchema() {}

    private static Schema load() {
        try (InputStream in = FeatureFlagSchema.class.getResourceAsStream(TYPE + ".schema.json")) {
            if (in == null) {
                throw new IllegalStateException("flagtest-e2e lacks its " + TYPE + ".schema.json resource");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + TYPE + " schema", e);
        }
    }

    /** The problems of {@code content}, each "JSON path: what is wrong"; empty when AWS would accept it. */
    public static List<String> problems(String content) {
        JsonNode document;
        try {
            document = AwsHttp.JSON.readTree(content);
        } catch (JsonProcessingException e) {
            return List.of("$: not JSON (" + e.getOriginalMessage() + ")");
        }
        List<String> problems = new ArrayList<>();
        for (Error error : SCHEMA.validate(document)) {
            problems.add(jsonPath(error.getInstanceLocation().toString()) + ": " + error.getMessage());
        }
        if (problems.isEmpty()) {
            problems.addAll(FlagDocumentRules.problems(content)); // the same rules flagtest's parser applies
        }
        return problems;
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
