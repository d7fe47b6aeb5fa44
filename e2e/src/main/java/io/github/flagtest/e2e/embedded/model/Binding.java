package io.github.flagtest.e2e.embedded.model;

import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import io.github.flagtest.shaded.jackson.databind.node.ArrayNode;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Puts a request's parts where the model says its input members are: {@code location: uri} from
 * the path labels, {@code querystring} and {@code header} by {@code locationName}, the
 * {@code payload} member or the other members from the JSON body. Scalars from the path, query and
 * headers are converted to the member's type; one that does not convert is a violation.
 */
final class Binding {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Shapes shapes;
    private final ObjectNode bound;
    private final List<Violation> violations;

    Binding(Shapes shapes, ObjectNode bound, List<Violation> violations) {
        this.shapes = shapes;
        this.bound = bound;
        this.violations = violations;
    }

    void rest(
            JsonNode input,
            Map<String, String> labels,
            Map<String, List<String>> query,
            Map<String, List<String>> headers,
            byte[] body) {
        String payload = input.path("payload").asText(null);
        JsonNode document = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = input.path("members").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode member = entry.getValue();
            JsonNode shape = shapes.of(member);
            String location = member.path("location").asText("");
            String wire = member.path("locationName").asText(name);
            switch (location) {
                case "uri" -> {
                    if (labels.containsKey(wire)) {
                        scalar(name, shape, labels.get(wire));
                    }
                }
                case "querystring" -> {
                    if (shape.path("type").asText().equals("list")) {
                        List<String> values = query.get(wire);
                        if (values != null) {
                            ArrayNode array = bound.putArray(name);
                            values.forEach(array::add);
                        }
                    } else if (!shape.path("type").asText().equals("map") && query.containsKey(wire)) {
                        scalar(name, shape, query.get(wire).get(0));
                    }
                }
                case "header" -> {
                    String value = header(headers, wire);
                    if (value != null) {
                        scalar(name, shape, value);
                    }
                }
                case "" -> {
                    if (name.equals(payload)) {
                        payload(name, shape, body);
                    } else if (payload == null) {
                        if (document == null) {
                            document = parse(body);
                        }
                        JsonNode value = document.get(wire);
                        if (value != null && !value.isNull()) {
                            bound.set(name, value);
                        }
                    }
                }
                default -> {
                    // statusCode and other response-only locations carry no input
                }
            }
        }
    }

    void json(JsonNode input, byte[] body) {
        JsonNode document = parse(body);
        input.path("members").fieldNames().forEachRemaining(name -> {
            JsonNode value = document.get(name);
            if (value != null && !value.isNull()) {
                bound.set(name, value);
            }
        });
    }

    private void payload(String name, JsonNode shape, byte[] body) {
        String type = shape.path("type").asText();
        if (type.equals("structure")) {
            if (body.length > 0) {
                bound.set(name, parse(body));
            }
        } else if (body.length > 0) {
            bound.put(name, body.length); // a blob or string payload: its size is what the model constrains
        }
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode document = JSON.readTree(body);
            if (document != null && document.isObject()) {
                return document;
            }
        } catch (IOException e) {
            // answered below
        }
        violations.add(new Violation("", null, "the request body is not a JSON object", false, true));
        return JSON.createObjectNode();
    }

    private void scalar(String name, JsonNode shape, String text) {
        String type = shape.path("type").asText();
        try {
            switch (type) {
                case "integer", "long" -> bound.put(name, Long.parseLong(text.trim()));
                case "float", "double" -> bound.put(name, Double.parseDouble(text.trim()));
                case "boolean" -> {
                    if (!text.equals("true") && !text.equals("false")) {
                        throw new NumberFormatException(text);
                    }
                    bound.put(name, Boolean.parseBoolean(text));
                }
                default -> bound.put(name, text);
            }
        } catch (NumberFormatException e) {
            violations.add(new Violation(Shapes.memberName(name), text, "Member must be of type " + type, false, true));
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
