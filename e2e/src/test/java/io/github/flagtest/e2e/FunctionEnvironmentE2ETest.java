package io.github.flagtest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A test-owned service: a fake S3 on 127.0.0.1 and an ephemeral port, started in {@code @BeforeAll},
 * handed to the function through {@link FunctionEnvironment} as {@code AWS_ENDPOINT_URL_S3} (the
 * SDK's service-specific endpoint variable:
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html); the function's real S3
 * client lists buckets through it.
 */
@LambdaE2E(handler = "io.github.flagtest.e2e.fixtures.BucketsHandler::handleRequest", environment = "STAGE=test")
@DisplayName("@FunctionEnvironment with a fake S3 the test owns")
class FunctionEnvironmentE2ETest {

    static final String LIST_BUCKETS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + "<Owner><ID>owner</ID></Owner><Buckets>"
            + "<Bucket><Name>invoices</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate></Bucket>"
            + "<Bucket><Name>reports</Name><CreationDate>2026-01-02T00:00:00.000Z</CreationDate></Bucket>"
            + "</Buckets></ListAllMyBucketsResult>";

    static HttpServer s3;
    static final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startS3() throws IOException {
        s3 = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s3.createContext("/", exchange -> {
            try (exchange) {
                requests.add(exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath());
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
        return Map.of(
                "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + s3.getAddress().getPort());
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) {
            s3.stop(0);
        }
    }

    @Test
    @DisplayName("the function's S3 client lists the buckets of the test's fake S3")
    void listsBuckets(DeployedFunction buckets) {
        InvocationResult result = buckets.invoke("{}");

        assertThat(result.functionError()).as(result.logTail()).isNull();
        assertThat(result.payload()).isEqualTo("[\"invoices\",\"reports\"]");
        assertThat(requests).contains("GET /");
    }
}
