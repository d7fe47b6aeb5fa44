package io.github.flagtest.e2e.embedded;

import com.sun.net.httpserver.HttpExchange;
import io.github.flagtest.e2e.embedded.AwsHttp.AwsError;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** SSM Parameter Store's GetParameter, PutParameter and DeleteParameter (AWS JSON 1.1). */
final class EmbeddedSsm {

    private record Parameter(String value, long version) {}

    private final Map<String, Parameter> parameters = new ConcurrentHashMap<>();

    boolean isEmpty() {
        return parameters.isEmpty();
    }

    void handle(HttpExchange exchange, String operation) throws IOException {
        JsonNode request = AwsHttp.body(exchange);
        String name = request.path("Name").asText("");
        if (name.isEmpty()) {
            throw AwsError.badRequest("ValidationException", "Name is required");
        }
        switch (operation) {
            case "PutParameter" -> {
                boolean overwrite = request.path("Overwrite").asBoolean(false);
                Parameter previous = parameters.get(name);
                if (previous != null && !overwrite) {
                    throw AwsError.badRequest("ParameterAlreadyExists", "The parameter already exists: " + name);
                }
                Parameter next =
                        new Parameter(request.path("Value").asText(), previous == null ? 1 : previous.version() + 1);
                parameters.put(name, next);
                AwsHttp.json(
                        exchange,
                        200,
                        AwsHttp.JSON
                                .createObjectNode()
                                .put("Version", next.version())
                                .put("Tier", "Standard"));
            }
            case "GetParameter" -> {
                Parameter parameter = parameters.get(name);
                if (parameter == null) {
                    throw AwsError.badRequest("ParameterNotFound", "Parameter " + name + " not found");
                }
                ObjectNode body = AwsHttp.JSON.createObjectNode();
                body.putObject("Parameter")
                        .put("Name", name)
                        .put("Type", "String")
                        .put("Value", parameter.value())
                        .put("Version", parameter.version());
                AwsHttp.json(exchange, 200, body);
            }
            case "DeleteParameter" -> {
                if (parameters.remove(name) == null) {
                    throw AwsError.badRequest("ParameterNotFound", "Parameter " + name + " not found");
                }
                AwsHttp.json(exchange, 200, AwsHttp.JSON.createObjectNode());
            }
            default ->
                throw AwsError.badRequest(
                        "UnsupportedOperationException",
                        "flagtest's embedded SSM supports GetParameter, PutParameter and DeleteParameter, not "
                                + operation);
        }
    }
}
