package io.github.flagtest.e2e.embedded;

import com.sun.net.httpserver.HttpExchange;
import io.github.flagtest.e2e.embedded.AwsHttp.AwsError;
import io.github.flagtest.e2e.embedded.model.ModelRequest;
import io.github.flagtest.e2e.embedded.model.ServiceModel;
import io.github.flagtest.e2e.embedded.model.Violation;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which operation of which AWS service model a request to the embedded AWS is, its input checked
 * against the model; a request the model refuses is answered with that service's error shape:
 * Lambda {@code ValidationException} (AWS's "1 validation error detected: ..."), AppConfig
 * {@code BadRequestException}, AppConfig Data {@code BadRequestException} with {@code Reason}
 * {@code InvalidParameters} and {@code Details}, SSM {@code ValidationException} over AWS JSON.
 */
final class ModelRoute {

    /** The signing names of the services the embedded AWS emulates. */
    static final Set<String> EMULATED = Set.of("lambda", "appconfig", "ssm");

    private static final String SSM_TARGET = "AmazonSSM.";

    private ModelRoute() {}

    /** Reads the four models (about 50 ms warm), so that the first request does not wait for them. */
    static void preload() {
        for (String service : new String[] {"lambda", "appconfigdata", "appconfig", "ssm"}) {
            ServiceModel.of(service);
        }
    }

    static ModelRequest route(HttpExchange exchange, RequestSigning.Scope scope, byte[] body) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        Optional<ModelRequest> request;
        if (target != null && target.startsWith(SSM_TARGET)) {
            request = ServiceModel.of("ssm").json(target.substring(SSM_TARGET.length()), body);
        } else if (method.equals("GET")
                && path.matches("/applications/[^/]+/environments/[^/]+/configurations/[^/]+")) {
            throw new AwsError(
                    404,
                    "UnknownOperationException",
                    "The agent path " + path + " is served by the AppConfig Lambda extension on localhost:"
                            + "$AWS_APPCONFIG_EXTENSION_HTTP_PORT, not by AWS: give the function the extension"
                            + " with @LambdaE2E(layers = LambdaE2E.APPCONFIG_EXTENSION)");
        } else {
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, List<String>> headers = exchange.getRequestHeaders();
            request = ServiceModel.of("lambda").rest(method, path, query, headers, body);
            if (request.isEmpty()) {
                request = ServiceModel.of("appconfigdata").rest(method, path, query, headers, body);
            }
            if (request.isEmpty()) {
                request = ServiceModel.of("appconfig").rest(method, path, query, headers, body);
            }
        }
        ModelRequest found = request.orElseThrow(() -> AwsError.badRequest(
                "UnknownOperationException",
                "flagtest's embedded AWS does not serve " + method + " " + path
                        + (target == null ? "" : " (" + target + ")")));
        String signingName = ServiceModel.of(found.service()).signingName();
        if (!signingName.equals(scope.service())) {
            throw new AwsError(
                    403,
                    "InvalidSignatureException",
                    "Credential should be scoped to correct service: '" + signingName + "'. ");
        }
        if (!found.violations().isEmpty()) {
            throw refused(found);
        }
        return found;
    }

    /** The service's answer to a request its model refuses. */
    static AwsError refused(ModelRequest request) {
        String message = request.message();
        return switch (request.service()) {
            case "lambda" ->
                request.malformed()
                        ? AwsError.badRequest("InvalidRequestContentException", message)
                        : AwsError.badRequest("ValidationException", message);
            case "appconfig" -> AwsError.badRequest("BadRequestException", message);
            case "appconfigdata" -> {
                ObjectNode details = AwsHttp.JSON.createObjectNode();
                ObjectNode parameters = details.putObject("InvalidParameters");
                for (Violation violation : request.violations()) {
                    parameters.putObject(upper(violation.member()));
                }
                yield AwsError.badRequest("BadRequestException", message)
                        .with("Reason", "InvalidParameters")
                        .with("Details", details);
            }
            default ->
                request.malformed()
                        ? AwsError.badRequest("SerializationException", message)
                        : AwsError.badRequest("ValidationException", message);
        };
    }

    private static String upper(String member) {
        String first = member.split("\\.")[0];
        return first.isEmpty() ? first : Character.toUpperCase(first.charAt(0)) + first.substring(1);
    }
}
