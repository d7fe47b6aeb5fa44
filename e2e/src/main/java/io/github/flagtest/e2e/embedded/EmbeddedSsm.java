package io.github.flagtest.e2e.embedded;

import com.sun.net.httpserver.HttpExchange;
import io.github.flagtest.e2e.embedded.AwsHttp.AwsError;
import io.github.flagtest.e2e.embedded.model.ModelRequest;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SSM Parameter Store's GetParameter, PutParameter and DeleteParameter (AWS JSON 1.1), the input
 * checked against AWS's model first. A parameter keeps the {@code Type} and {@code Tier} it was put
 * with; a value takes at most 4 KB in the Standard tier (the default) and 8 KB in the Advanced one.
 * Source: https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html
 */
final class EmbeddedSsm {

    static final int STANDARD_VALUE_LIMIT = 4096;
    static final int ADVANCED_VALUE_LIMIT = 8192;

    private record Parameter(String value, String type, String tier, long version) {}

    private final Map<String, Parameter> parameters = new ConcurrentHashMap<>();

    boolean isEmpty() {
        return parameters.isEmpty();
    }

    void handle(HttpExchange exchange, ModelRequest request) throws IOException {
        JsonNode in = request.input();
        String name = in.path("Name").asText();
        switch (request.operation()) {
            case "PutParameter" -> {
                String value = in.path("Value").asText();
                Parameter previous = parameters.get(name);
                String tier = in.path("Tier").asText(previous == null ? "Standard" : previous.tier());
                int limit = tier.equals("Advanced") ? ADVANCED_VALUE_LIMIT : STANDARD_VALUE_LIMIT;
                if (value.codePointCount(0, value.length()) > limit) {
                    throw AwsError.badRequest(
                            "ValidationException",
                            "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must"
                                    + " have length less than or equal to " + limit + " (the " + tier + " tier)");
                }
                if (previous != null && !in.path("Overwrite").asBoolean(false)) {
                    throw AwsError.badRequest(
                            "ParameterAlreadyExists",
                            "The parameter already exists. To overwrite this value, set"
                                    + " the overwrite option in the request to true.");
                }
                String type = in.path("Type").asText(previous == null ? "String" : previous.type());
                Parameter next = new Parameter(value, type, tier, previous == null ? 1 : previous.version() + 1);
                parameters.put(name, next);
                AwsHttp.json(
                        exchange,
                        200,
                        AwsHttp.JSON
                                .createObjectNode()
                                .put("Version", next.version())
                                .put("Tier", tier));
            }
            case "GetParameter" -> {
                Parameter parameter = parameters.get(name);
                if (parameter == null) {
                    throw AwsError.badRequest("ParameterNotFound", "Parameter " + name + " not found");
                }
                ObjectNode body = AwsHttp.JSON.createObjectNode();
                body.putObject("Parameter")
                        .put("Name", name)
                        .put("Type", parameter.type())
                        .put("Value", parameter.value())
                        .put("Version", parameter.version())
                        .put("DataType", "text")
                        .put(
                                "ARN",
                                "arn:aws:ssm:us-east-1:000000000000:parameter" + (name.startsWith("/") ? "" : "/")
                                        + name);
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
                                + request.operation());
        }
    }
}
