package io.github.flagtest.core;

import io.github.flagtest.shaded.jackson.core.JsonProcessingException;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules AWS AppConfig applies to a feature-flag document (stored form) beyond its JSON schema:
 * every value belongs to a declared flag, a flag's variants are valid as {@link Variants#of} says
 * (unique names, the rule-less default last, rules that parse), and the attribute values of an
 * enabled flag or variant meet the constraints its flag declares (required, type, pattern, enum,
 * minimum, maximum, array elements). One place for these rules: flagtest's document parser and its
 * embedded AppConfig both apply them. Each problem reads "JSON path: what is wrong".
 *
 * <p>Sources: https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-creating-configuration-and-profile-feature-flags.html
 * (attributes and constraints) and .../appconfig-creating-multi-variant-feature-flags.html (variants).
 *
 * @since 0.1.0
 */
public final class FlagDocumentRules {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FlagDocumentRules() {}

    /**
     * The problems of a stored-form document, as AppConfig finds them: first AWS's published JSON
     * schema, then (if the schema passes) the rules it cannot say. Empty when AppConfig would accept
     * the document.
     *
     * @param storedDocument the document's JSON text
     * @return the problems, each naming its JSON path; empty when none
     */
    public static List<String> problems(String storedDocument) {
        try {
            return problems(JSON.readTree(storedDocument));
        } catch (JsonProcessingException e) {
            return List.of("$: not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    static List<String> problems(JsonNode document) {
        List<String> schema = FlagDocumentSchema.problems(document);
        if (!schema.isEmpty()) {
            return schema;
        }
        List<String> problems = new ArrayList<>();
        JsonNode flags = document.path("flags");
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("values").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> value = it.next();
            String path = "$.values." + value.getKey();
            if (!flags.has(value.getKey())) {
                problems.add(path + ": flag '" + value.getKey() + "' is not declared in $.flags");
                continue;
            }
            variants(value.getValue().path("_variants"), path + "._variants", problems);
        }
        problems.addAll(attributeProblems(document));
        return problems;
    }

    /** The attribute values of enabled flags and variants that break their flag's constraints. */
    static List<String> attributeProblems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        JsonNode flags = document.path("flags");
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("values").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> value = it.next();
            String path = "$.values." + value.getKey();
            JsonNode attributes = flags.path(value.getKey()).path("attributes");
            JsonNode variants = value.getValue().path("_variants");
            for (int i = 0; i < variants.size(); i++) {
                JsonNode variant = variants.get(i);
                if (variant.path("enabled").asBoolean(false)) {
                    attributeValues(
                            variant.path("attributeValues"),
                            path + "._variants[" + i + "].attributeValues",
                            attributes,
                            problems);
                }
            }
            if (value.getValue().path("enabled").asBoolean(false)) {
                attributeValues(value.getValue(), path, attributes, problems);
            }
        }
        return problems;
    }

    /** Variants built as AppConfig reads them, checked by {@link Variants#of}. */
    private static void variants(JsonNode variants, String path, List<String> problems) {
        if (!variants.isArray() || variants.isEmpty()) {
            return;
        }
        List<Variants.Variant> parsed = new ArrayList<>();
        for (JsonNode variant : variants) {
            Optional<String> rule =
                    variant.has("rule") ? Optional.of(variant.path("rule").asText()) : Optional.empty();
            parsed.add(new Variants.Variant(
                    variant.path("name").asText(), variant.path("enabled").asBoolean(false), rule, Map.of()));
        }
        try {
            Variants.of(parsed);
        } catch (FlagTestException | IllegalArgumentException e) {
            problems.add(path + ": " + e.getMessage());
        }
    }

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
