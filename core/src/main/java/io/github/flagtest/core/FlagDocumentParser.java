package io.github.flagtest.core;

import io.github.flagtest.shaded.jackson.core.JsonProcessingException;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses both forms of an AppConfig feature-flag document; every error names its JSON path. */
final class FlagDocumentParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> VARIANT_KEYS = Set.of("name", "enabled", "rule", "attributeValues");

    private final String source;

    private FlagDocumentParser(String source) {
        this.source = source;
    }

    static Map<String, FlagDefinition> parse(String json, String source) {
        if (json == null || json.isBlank()) {
            throw new FlagTestException(source + ": the flag document is empty; expected a JSON object such as "
                    + "{\"version\":\"1\",\"flags\":{},\"values\":{}}");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where =
                    location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new FlagTestException(
                    source + ": malformed JSON" + where + ": "
                            + e.getOriginalMessage().replaceAll("\\s*\\(start marker at .*", "") + "; fix the document",
                    e);
        }
        FlagDocumentParser parser = new FlagDocumentParser(source);
        ObjectNode document = parser.object(root, "$");
        // the stored form has a "version" string ({"version": "1"} alone is a valid, empty document);
        // in the retrieval form "version" could only be a flag, whose value is an object
        boolean stored = document.has("version") && !document.get("version").isObject();
        return stored ? parser.stored(document) : parser.retrieval(document);
    }

    /**
     * AWS's stored form, validated as AppConfig validates a hosted version (the published schema,
     * then the rules it cannot say); every problem is reported with its JSON path.
     */
    private Map<String, FlagDefinition> stored(ObjectNode document) {
        List<String> problems = FlagDocumentRules.problems(document);
        if (!problems.isEmpty()) {
            throw new FlagTestException(source + ": " + problems.get(0)
                    + (problems.size() > 1
                            ? " (and " + (problems.size() - 1) + " more: " + problems.subList(1, problems.size()) + ")"
                            : "")
                    + "; AppConfig would refuse this document");
        }
        ObjectNode flags = document.has("flags") ? (ObjectNode) document.get("flags") : JSON.createObjectNode();
        JsonNode values = document.path("values");
        Map<String, FlagDefinition> definitions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = flags.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            String path = "$.flags." + name;
            ObjectNode flag = (ObjectNode) entry.getValue();
            String valuePath = "$.values." + name;
            ObjectNode value = values.has(name) ? object(values.get(name), valuePath) : JSON.createObjectNode();
            definitions.put(
                    name,
                    new FlagDefinition(
                            name,
                            storedValue(value, valuePath, false),
                            text(flag, "description", path),
                            deprecated(flag, path),
                            createdAt(flag, path),
                            attributes(value),
                            attributeTypes(flag)));
        }
        return definitions;
    }

    private Map<String, FlagDefinition> retrieval(ObjectNode document) {
        Map<String, FlagDefinition> definitions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = "$." + entry.getKey();
            requireName(entry.getKey(), path);
            ObjectNode flag = object(entry.getValue(), path);
            definitions.put(
                    entry.getKey(),
                    new FlagDefinition(
                            entry.getKey(),
                            storedValue(flag, path, true),
                            "",
                            deprecated(flag, path),
                            createdAt(flag, path),
                            attributes(flag),
                            Map.of()));
        }
        return definitions;
    }

    /**
     * {"enabled": b} (in the stored form {} is OFF, as the schema allows), a retrieval-form
     * {"enabled": true, "_variant": "B"}, or AppConfig's {"_variants": [...]}.
     */
    private Object storedValue(ObjectNode value, String path, boolean retrievalForm) {
        if (value.has("_variants")) {
            return variants(value.get("_variants"), path + "._variants");
        }
        JsonNode enabled = value.get("enabled");
        if (enabled == null && !retrievalForm) {
            return Boolean.FALSE;
        }
        if (enabled == null) {
            throw error(path + ".enabled", "missing; add \"enabled\": true or false");
        }
        if (!enabled.isBoolean()) {
            throw error(path + ".enabled", "expected true or false but found " + enabled);
        }
        if (retrievalForm && value.has("_variant")) {
            JsonNode variant = value.get("_variant");
            if (!variant.isTextual() || variant.asText().isBlank()) {
                throw error(path + "._variant", "expected a variant name but found " + variant);
            }
            return enabled.asBoolean() ? variant.asText() : Boolean.FALSE;
        }
        return enabled.asBoolean();
    }

    /** A basic flag's attribute values: every member but {@code enabled} and the {@code _} keys. */
    private static Map<String, Object> attributes(ObjectNode value) {
        if (value.has("_variants")) {
            return Map.of();
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        value.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("enabled") && !field.getKey().startsWith("_")) {
                attributes.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class));
            }
        });
        return attributes;
    }

    /** The declared type of each attribute ({@code constraints.type}: string, number, boolean, array). */
    private static Map<String, String> attributeTypes(ObjectNode flag) {
        Map<String, String> types = new LinkedHashMap<>();
        flag.path("attributes").fields().forEachRemaining(attribute -> {
            String type = attribute.getValue().path("constraints").path("type").asText("");
            if (!type.isEmpty()) {
                types.put(attribute.getKey(), type);
            }
        });
        return types;
    }

    /**
     * AppConfig's multi-variant form: each variant a name, {@code enabled}, a rule (all but the
     * last, the default) and attribute values; validated as {@link Variants#of} does, at this path.
     */
    private Variants variants(JsonNode variants, String path) {
        if (!variants.isArray() || variants.isEmpty()) {
            throw error(path, "expected a non-empty array of variants but found " + variants);
        }
        List<Variants.Variant> parsed = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            String at = path + "[" + i + "]";
            ObjectNode variant = object(variants.get(i), at);
            String name = text(variant, "name", at);
            if (name.isBlank()) {
                throw error(at + ".name", "missing; every variant needs a name");
            }
            for (Iterator<String> keys = variant.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!VARIANT_KEYS.contains(key)) {
                    throw error(at + "." + key, "unknown key; a variant has name, enabled, rule and attributeValues");
                }
            }
            JsonNode enabled = variant.get("enabled");
            if (enabled == null || !enabled.isBoolean()) {
                throw error(
                        at + ".enabled", "expected true or false but found " + (enabled == null ? "nothing" : enabled));
            }
            Optional<String> rule = variant.has("rule") ? Optional.of(text(variant, "rule", at)) : Optional.empty();
            Map<String, Object> attributes = new LinkedHashMap<>();
            if (variant.has("attributeValues")) {
                object(variant.get("attributeValues"), at + ".attributeValues")
                        .fields()
                        .forEachRemaining(field ->
                                attributes.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class)));
            }
            parsed.add(new Variants.Variant(name, enabled.asBoolean(), rule, attributes));
        }
        try {
            return Variants.of(parsed);
        } catch (FlagTestException e) {
            throw error(path, e.getMessage());
        }
    }

    private boolean deprecated(ObjectNode flag, String path) {
        JsonNode deprecation = flag.get("_deprecation");
        if (deprecation == null || deprecation.isNull()) {
            return false;
        }
        ObjectNode object = object(deprecation, path + "._deprecation");
        return !"none".equalsIgnoreCase(text(object, "status", path + "._deprecation"));
    }

    private Optional<Instant> createdAt(ObjectNode flag, String path) {
        JsonNode created = flag.get("_createdAt");
        if (created == null || created.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(created.asText()));
        } catch (DateTimeParseException e) {
            throw error(
                    path + "._createdAt",
                    "expected an ISO-8601 instant such as \"2026-01-31T12:00:00Z\" but found " + created);
        }
    }

    private String text(ObjectNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw error(path + "." + field, "expected a string but found " + value);
        }
        return value.asText();
    }

    private ObjectNode object(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw error(path, "expected a JSON object but found " + (node == null ? "nothing" : node.toString()));
    }

    private void requireName(String name, String path) {
        if (name.isBlank()) {
            throw error(path, "a flag name must not be blank; name the flag");
        }
    }

    private FlagTestException error(String path, String problem) {
        return new FlagTestException(source + ": " + path + ": " + problem);
    }
}
