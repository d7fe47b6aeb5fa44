package io.github.flagtest.report;

import io.github.flagtest.shaded.jackson.core.JsonFactory;
import io.github.flagtest.shaded.jackson.core.JsonGenerator;
import io.github.flagtest.shaded.jackson.core.JsonParser;
import io.github.flagtest.shaded.jackson.core.JsonToken;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.node.ArrayNode;
import io.github.flagtest.shaded.jackson.databind.node.JsonNodeFactory;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Jackson for the report without an {@code ObjectMapper}: its streaming parser and generator, and
 * trees built from the parser's tokens. Setting up an {@code ObjectMapper} loads some 400 classes
 * (its date format, the JDK's locale data, the serializer factories) and costs a fresh JVM 0.4 to
 * 0.6 s on a 2-core machine, as much as reading 10,000 test records; the report never needs data
 * binding.
 */
final class Json {

    static final JsonFactory FACTORY = new JsonFactory();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    /** The whole JSON document in {@code file}, as a tree (missing node when the file is empty). */
    static JsonNode tree(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                JsonParser json = FACTORY.createParser(in)) {
            return json.nextToken() == null ? NODES.missingNode() : tree(json);
        }
    }

    /** The JSON text {@code text}, as a tree. */
    static JsonNode tree(String text) throws IOException {
        try (JsonParser json = FACTORY.createParser(text)) {
            return json.nextToken() == null ? NODES.missingNode() : tree(json);
        }
    }

    /** The value the parser is on (its first token), as a tree; the parser ends on its last token. */
    static JsonNode tree(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    json.nextToken();
                    object.set(field, tree(json));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    array.add(tree(json));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(json.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (json.getNumberType()) {
                    case INT -> NODES.numberNode(json.getIntValue());
                    case LONG -> NODES.numberNode(json.getLongValue());
                    default -> NODES.numberNode(json.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(json.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default ->
                throw new io.github.flagtest.shaded.jackson.core.JsonParseException(
                        json, "expected a JSON value, got " + token);
        }
    }

    /**
     * {@code node} as compact JSON text, as {@code JsonNode.toString()} gives it without the
     * {@code ObjectMapper} that method sets up.
     */
    static String text(JsonNode node) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            write(json, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static void write(JsonGenerator json, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                json.writeStartObject();
                for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) node::fields) {
                    json.writeFieldName(field.getKey());
                    write(json, field.getValue());
                }
                json.writeEndObject();
            }
            case ARRAY -> {
                json.writeStartArray();
                for (JsonNode element : node) {
                    write(json, element);
                }
                json.writeEndArray();
            }
            case STRING -> json.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> json.writeNumber(node.intValue());
                    case LONG -> json.writeNumber(node.longValue());
                    case BIG_INTEGER -> json.writeNumber(node.bigIntegerValue());
                    case BIG_DECIMAL -> json.writeNumber(node.decimalValue());
                    default -> json.writeNumber(node.doubleValue());
                }
            }
            case BOOLEAN -> json.writeBoolean(node.booleanValue());
            default -> json.writeNull(); // null; trees built here hold no other kind
        }
    }
}
