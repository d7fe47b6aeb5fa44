package io.github.flagtest.e2e.embedded;

import com.sun.net.httpserver.HttpExchange;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Small helpers for the embedded AWS surface: JSON bodies and AWS-style errors. */
final class AwsHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private AwsHttp() {}

    /** An error answered the AWS way: status, {@code x-amzn-ErrorType} and a JSON body. */
    static final class AwsError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String type;
        /** The error shape's other members (AppConfig's {@code Reason} and {@code Details}, ...). */
        final ObjectNode members = JSON.createObjectNode();

        AwsError(int status, String type, String message) {
            super(message, null, false, false);
            this.status = status;
            this.type = type;
        }

        /** This error with member {@code name} of its shape set to {@code value}. */
        AwsError with(String name, JsonNode value) {
            members.set(name, value);
            return this;
        }

        AwsError with(String name, String value) {
            members.put(name, value);
            return this;
        }

        static AwsError notFound(String message) {
            return new AwsError(404, "ResourceNotFoundException", message);
        }

        static AwsError badRequest(String type, String message) {
            return new AwsError(400, type, message);
        }
    }

    static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        if (bytes.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw AwsError.badRequest("InvalidRequestContentException", "The request body is not valid JSON");
        }
    }

    static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(
                exchange,
                status,
                body.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
    }

    static void error(HttpExchange exchange, AwsError error) throws IOException {
        ObjectNode body = JSON.createObjectNode()
                .put("__type", error.type)
                .put("message", error.getMessage())
                .put("Message", error.getMessage());
        body.setAll(error.members);
        send(
                exchange,
                error.status,
                body.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "x-amzn-ErrorType", error.type));
    }

    /** An answer without a body (204 No Content, 202 Accepted, a bare error status). */
    static void empty(HttpExchange exchange, int status) throws IOException {
        send(exchange, status, new byte[0], Map.of());
    }

    static void send(HttpExchange exchange, int status, byte[] body, Map<String, String> headers) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
