package io.github.flagtest.e2e.embedded;

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
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What AWS AppConfig checks in a hosted configuration version of an {@code
 * AWS.AppConfig.FeatureFlags} profile: the published JSON schema (shipped as a resource, checked
 * with networknt's validator), then the semantic rules the schema cannot say: every value belongs
 * to a declared flag, a flag's variants have unique names and end with the one default (rule-less)
 * variant, and attribute values meet their declared constraints. Each problem names its JSON path.
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
            semantics(document, problems);
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

    private static void semantics(JsonNode document, List<String> problems) {
        JsonNode flags = document.path("flags");
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("values").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> value = it.next();
            String path = "$.values." + value.getKey();
            if (!flags.has(value.getKey())) {
                problems.add(path + ": flag '" + value.getKey() + "' is not declared in $.flags");
                continue;
            }
            JsonNode attributes = flags.path(value.getKey()).path("attributes");
            variants(value.getValue().path("_variants"), path + "._variants", attributes, problems);
            if (value.getValue().path("enabled").asBoolean(false)) {
                attributeValues(value.getValue(), path, attributes, problems);
            }
        }
    }

    private static void variants(JsonNode variants, String path, JsonNode attributes, List<String> problems) {
        if (!variants.isArray() || variants.isEmpty()) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            JsonNode variant = variants.get(i);
            String at = path + "[" + i + "]";
            if (!names.add(variant.path("name").asText())) {
                problems.add(at + ".name: variant name '" + variant.path("name").asText() + "' is used twice");
            }
            boolean last = i == variants.size() - 1;
            if (last && variant.has("rule")) {
                problems.add(at + ": the last variant is the default and must have no rule");
            }
            if (!last && !variant.has("rule")) {
                problems.add(at + ": only the last variant (the default) may have no rule");
            }
            if (variant.path("enabled").asBoolean(false)) {
                attributeValues(variant.path("attributeValues"), at + ".attributeValues", attributes, problems);
            }
        }
    }

    /** Values of an enabled flag (or variant) against its attributes' declared constraints. */
    private static void attributeValues(JsonNode values, String path, JsonNode attributes, List<String> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> attribute = it.next();
            JsonNode constraints = attribute.getValue().path("constraints");
            JsonNode value = values.get(attribute.getKey());
            String at = path + "." + attribute.getKey();
            if (value == null) {
                if (constraints.path("required").asBoolean(false)) {
                    problems.add(at + ": required attribute is missing");
                }
                continue;
            }
            check(value, constraints, at, problems);
        }
        for (Iterator<String> names = values.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("enabled") && !name.startsWith("_") && !attributes.has(name)) {
                problems.add(path + "." + name + ": attribute '" + name + "' is not declared in the flag's attributes");
            }
        }
    }

    private static void check(JsonNode value, JsonNode constraints, String at, List<String> problems) {
        String type = constraints.path("type").asText("");
        boolean typeMatches = switch (type) {
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            default -> true;
        };
        if (!typeMatches) {
            problems.add(at + ": expected a " + type + " but found " + value);
            return;
        }
        if (constraints.has("pattern") && value.isTextual()) {
            try {
                if (!Pattern.compile(constraints.get("pattern").asText())
                        .matcher(value.asText())
                        .find()) {
                    problems.add(at + ": \"" + value.asText() + "\" does not match the pattern "
                            + constraints.get("pattern").asText());
                }
            } catch (PatternSyntaxException e) {
                problems.add(at + ": the attribute's pattern is not a valid regular expression: " + e.getDescription());
            }
        }
        if (constraints.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : constraints.get("enum")) {
                listed |= allowed.asText().equals(value.asText());
            }
            if (!listed) {
                problems.add(at + ": " + value + " is not one of " + constraints.get("enum"));
            }
        }
        if (constraints.has("minimum")
                && value.isNumber()
                && value.asDouble() < constraints.get("minimum").asDouble()) {
            problems.add(at + ": " + value + " is below the minimum " + constraints.get("minimum"));
        }
        if (constraints.has("maximum")
                && value.isNumber()
                && value.asDouble() > constraints.get("maximum").asDouble()) {
            problems.add(at + ": " + value + " is above the maximum " + constraints.get("maximum"));
        }
        if (constraints.has("elements") && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), constraints.get("elements"), at + "[" + i + "]", problems);
            }
        }
    }
}
