package com.example.buckets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.sun.net.httpserver.HttpServer;
import io.github.flagtest.e2e.DeployedFunction;
import io.github.flagtest.e2e.FunctionEnvironment;
import io.github.flagtest.e2e.InvocationResult;
import io.github.flagtest.e2e.LambdaE2E;
import io.github.flagtest.junit.FlagMatrix;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real project's shape, set up from the README alone: the function's own aws-lambda-java-core
 * 1.2.2, X-Ray's interceptor on its S3 client, S3 answered by a fake the test owns
 * (@FunctionEnvironment), its flag read through the AppConfig extension; baseline and flag ON.
 */
@LambdaE2E(
        handler = "com.example.buckets.ListBucketsHandler::handleRequest",
        flags = "flags/buckets.json",
        layers = LambdaE2E.APPCONFIG_EXTENSION,
        environment = {
            "FLAGS_APPLICATION=${appconfig.application}",
            "FLAGS_ENVIRONMENT=${appconfig.environment}",
            "FLAGS_PROFILE=${appconfig.profile}"
        })
@FlagMatrix(strategy = FlagMatrix.Strategy.ONE_AT_A_TIME)
class ListBucketsE2ETest {

    static final String LIST_BUCKETS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + "<Owner><ID>owner</ID></Owner><Buckets>"
            + "<Bucket><Name>invoices</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate></Bucket>"
            + "</Buckets></ListAllMyBucketsResult>";

    static HttpServer s3;

    @BeforeAll
    static void startS3() throws IOException {
        s3 = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s3.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = LIST_BUCKETS.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        s3.start();
    }

    @FunctionEnvironment
    static Map<String, String> s3Endpoint() {
        return Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3.getAddress().getPort());
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) {
            s3.stop(0);
        }
    }

    @Test
    void listsBuckets(DeployedFunction buckets) {
        InvocationResult result = buckets.invoke(new APIGatewayProxyRequestEvent().withPath("/buckets"));

        assertNull(result.functionError(), result::logTail);
        assertFalse(result.logTail().contains("is missing a trace ID"), result::logTail); // X-Ray found Lambda's trace header
        String payload = result.payload();
        assertTrue(payload.contains("\"statusCode\":200") && payload.contains("invoices"), payload);
        assertTrue(java.util.regex.Pattern.compile("trace.{0,6}1-[0-9a-f]{8}-").matcher(payload).find(), payload);
        boolean dates = buckets.flags().current().isOn("bucket-creation-dates");
        assertEquals(dates, payload.contains("invoices@2026-01-01T00:00:00Z"), payload);
    }
}
