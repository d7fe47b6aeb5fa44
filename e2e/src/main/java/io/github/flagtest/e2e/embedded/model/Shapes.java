package io.github.flagtest.e2e.embedded.model;

import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.node.MissingNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A model's shapes by name, with their patterns compiled once. */
final class Shapes {

    private final JsonNode shapes;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    Shapes(JsonNode shapes) {
        this.shapes = shapes;
    }

    JsonNode get(String name) {
        JsonNode shape = shapes.get(name);
        return shape == null ? MissingNode.getInstance() : shape;
    }

    /** A member's target shape. */
    JsonNode of(JsonNode member) {
        return get(member.path("shape").asText());
    }

    /** The shape's pattern, matched against the whole value as AWS does; null when none (or not Java-readable). */
    Pattern pattern(JsonNode shape) {
        JsonNode pattern = shape.get("pattern");
        if (pattern == null) {
            return null;
        }
        return patterns.computeIfAbsent(pattern.asText(), text -> {
            try {
                return Pattern.compile(text);
            } catch (PatternSyntaxException e) {
                return Pattern.compile("(?s).*"); // no AWS pattern fails here today; never refuse on our own reading
            }
        });
    }

    /** AWS's name of a member in a validation message: the member name with a lower-case first letter. */
    static String memberName(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
