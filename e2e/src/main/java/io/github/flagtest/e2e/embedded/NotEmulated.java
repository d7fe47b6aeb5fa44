package io.github.flagtest.e2e.embedded;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The answer to a request for a service the embedded backend does not emulate (S3, DynamoDB, SQS,
 * ...), told by the request's credential scope: an AWS-shaped error in that service's protocol
 * (REST XML for S3, Route 53 and CloudFront; the query protocol's XML for an {@code Action=} form;
 * JSON otherwise), 501 {@code NotImplemented}, whose message names the service and how to give the
 * function an endpoint for it. Source: https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
 */
final class NotEmulated {

    /** Signing names whose {@code AWS_ENDPOINT_URL_<SERVICE>} key is not the name in upper case. */
    private static final Map<String, String> ENDPOINT_KEYS = Map.ofEntries(
            Map.entry("secretsmanager", "SECRETS_MANAGER"),
            Map.entry("states", "SFN"),
            Map.entry("events", "EVENTBRIDGE"),
            Map.entry("execute-api", "API_GATEWAY"),
            Map.entry("monitoring", "CLOUDWATCH"),
            Map.entry("logs", "CLOUDWATCH_LOGS"),
            Map.entry("email", "SES"),
            Map.entry("kinesisanalytics", "KINESIS_ANALYTICS"),
            Map.entry("cognito-idp", "COGNITO_IDENTITY_PROVIDER"),
            Map.entry("elasticloadbalancing", "ELASTIC_LOAD_BALANCING"));

    private NotEmulated() {}

    /** {@code AWS_ENDPOINT_URL_<SERVICE>} for a signing name. */
    static String endpointVariable(String service) {
        return "AWS_ENDPOINT_URL_"
                + ENDPOINT_KEYS.getOrDefault(
                        service, service.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    static String message(String service) {
        return "flagtest's embedded AWS does not emulate " + service + " (it serves Lambda, AppConfig, AppConfig"
                + " Data and SSM Parameter Store): set " + endpointVariable(service) + " to an endpoint the test owns"
                + " (return it from an @FunctionEnvironment method), or run on another backend"
                + " (flagtest.e2e.backend=localstack, floci or endpoint)";
    }

    static void answer(HttpExchange exchange, String service, byte[] body) throws IOException {
        String message = message(service);
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        String requestId = java.util.UUID.randomUUID().toString();
        if (service.equals("s3") || service.equals("route53") || service.equals("cloudfront")) {
            AwsHttp.send(
                    exchange,
                    501,
                    ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NotImplemented</Code><Message>"
                                    + xml(message) + "</Message><RequestId>" + requestId + "</RequestId></Error>")
                            .getBytes(StandardCharsets.UTF_8),
                    Map.of("Content-Type", "application/xml", "x-amz-request-id", requestId));
        } else if (contentType.startsWith("application/x-www-form-urlencoded")
                && new String(body, StandardCharsets.UTF_8).contains("Action=")) {
            AwsHttp.send(
                    exchange,
                    501,
                    ("<ErrorResponse><Error><Type>Sender</Type><Code>NotImplemented</Code><Message>" + xml(message)
                                    + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>")
                            .getBytes(StandardCharsets.UTF_8),
                    Map.of("Content-Type", "text/xml", "x-amzn-RequestId", requestId));
        } else {
            AwsHttp.error(exchange, new AwsHttp.AwsError(501, "NotImplemented", message));
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
