package io.github.flagtest.e2e.embedded.model;

import io.github.flagtest.shaded.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Walks an input shape and its value as AWS's request validation does: required members, JSON
 * types, string length, pattern and enum, numeric range, list and map sizes, map keys, and every
 * nested structure, list and map. Each failure is one {@link Violation} named by its member path.
 */
final class Constraints {

    private final Shapes shapes;
    private final List<Violation> violations;

    Constraints(Shapes shapes, List<Violation> violations) {
        this.shapes = shapes;
        this.violations = violations;
    }

    void structure(JsonNode shape, JsonNode value, String path) {
        for (JsonNode required : shape.path("required")) {
            JsonNode member = value.get(required.asText());
            if (member == null || member.isNull()) {
                violations.add(new Violation(
                        join(path, Shapes.memberName(required.asText())),
                        null,
                        "Member must not be null",
                        false,
                        false));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = shape.path("members").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonNode memberValue = value.get(member.getKey());
            if (memberValue != null && !memberValue.isNull()) {
                value(shapes.of(member.getValue()), memberValue, join(path, Shapes.memberName(member.getKey())));
            }
        }
    }

    private void value(JsonNode shape, JsonNode value, String path) {
        String type = shape.path("type").asText();
        boolean sensitive = shape.path("sensitive").asBoolean(false);
        switch (type) {
            case "structure" -> {
                if (!value.isObject()) {
                    typeError(path, value, "structure");
                } else {
                    structure(shape, value, path);
                }
            }
            case "list" -> {
                if (!value.isArray()) {
                    typeError(path, value, "list");
                    return;
                }
                size(shape, value.size(), path, value.toString(), sensitive);
                JsonNode member = shapes.of(shape.path("member"));
                for (int i = 0; i < value.size(); i++) {
                    value(member, value.get(i), path + "." + (i + 1) + ".member");
                }
            }
            case "map" -> map(shape, value, path, sensitive);
            case "string" -> {
                if (!value.isTextual()) {
                    typeError(path, value, "string");
                } else {
                    string(shape, value.asText(), path, sensitive, "Member must");
                }
            }
            case "integer", "long" -> {
                if (!value.isIntegralNumber()) {
                    typeError(path, value, type);
                } else {
                    range(shape, value.asDouble(), value.asText(), path, sensitive);
                }
            }
            case "float", "double" -> {
                if (!value.isNumber()) {
                    typeError(path, value, type);
                } else {
                    range(shape, value.asDouble(), value.asText(), path, sensitive);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    typeError(path, value, type);
                }
            }
            case "blob" -> {
                // bound as its size in bytes (a payload) or base64 text (a JSON member)
                long size = value.isNumber() ? value.asLong() : value.asText().length() * 3L / 4;
                size(shape, size, path, null, true);
            }
            default -> {
                // timestamps and documents: no constraint in these models
            }
        }
    }

    private void map(JsonNode shape, JsonNode value, String path, boolean sensitive) {
        if (!value.isObject()) {
            typeError(path, value, "map");
            return;
        }
        size(shape, value.size(), path, value.toString(), sensitive);
        JsonNode keyShape = shapes.of(shape.path("key"));
        JsonNode valueShape = shapes.of(shape.path("value"));
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            List<Violation> keyViolations = new ArrayList<>();
            new Constraints(shapes, keyViolations).string(keyShape, entry.getKey(), path, false, "Member must");
            for (Violation key : keyViolations) {
                violations.add(new Violation(
                        path,
                        sensitive ? null : value.toString(),
                        "Map keys must satisfy constraint: [" + key.constraint() + "]",
                        sensitive,
                        false));
            }
            value(valueShape, entry.getValue(), path + "." + entry.getKey());
        }
    }

    private void string(JsonNode shape, String text, String path, boolean sensitive, String must) {
        JsonNode values = shape.get("enum");
        if (values != null) {
            List<String> allowed = new ArrayList<>();
            values.forEach(v -> allowed.add(v.asText()));
            if (!allowed.contains(text)) {
                add(path, text, must + " satisfy enum value set: " + allowed, sensitive);
            }
        }
        int length = text.codePointCount(0, text.length());
        if (shape.has("min") && length < shape.get("min").asLong()) {
            add(
                    path,
                    text,
                    must + " have length greater than or equal to "
                            + shape.get("min").asLong(),
                    sensitive);
        }
        if (shape.has("max") && length > shape.get("max").asLong()) {
            add(
                    path,
                    text,
                    must + " have length less than or equal to "
                            + shape.get("max").asLong(),
                    sensitive);
        }
        Pattern pattern = shapes.pattern(shape);
        if (pattern != null && !pattern.matcher(text).matches()) {
            add(path, text, must + " satisfy regular expression pattern: " + pattern.pattern(), sensitive);
        }
    }

    private void range(JsonNode shape, double number, String text, String path, boolean sensitive) {
        if (shape.has("min") && number < shape.get("min").asDouble()) {
            add(
                    path,
                    text,
                    "Member must have value greater than or equal to "
                            + shape.get("min").asText(),
                    sensitive);
        }
        if (shape.has("max") && number > shape.get("max").asDouble()) {
            add(
                    path,
                    text,
                    "Member must have value less than or equal to "
                            + shape.get("max").asText(),
                    sensitive);
        }
    }

    private void size(JsonNode shape, long size, String path, String text, boolean sensitive) {
        if (shape.has("min") && size < shape.get("min").asLong()) {
            add(
                    path,
                    text,
                    "Member must have length greater than or equal to "
                            + shape.get("min").asLong(),
                    sensitive);
        }
        if (shape.has("max") && size > shape.get("max").asLong()) {
            add(
                    path,
                    text,
                    "Member must have length less than or equal to "
                            + shape.get("max").asLong(),
                    sensitive);
        }
    }

    private void typeError(String path, JsonNode value, String type) {
        violations.add(new Violation(path, value.toString(), "Member must be of type " + type, false, true));
    }

    private void add(String path, String value, String constraint, boolean sensitive) {
        violations.add(new Violation(path, value, constraint, sensitive, false));
    }

    private static String join(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }
}
