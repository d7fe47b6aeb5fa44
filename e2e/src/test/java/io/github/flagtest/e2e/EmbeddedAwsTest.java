package io.github.flagtest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("embedded AWS surface")
class EmbeddedAwsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @DisplayName("each instance listens on its own ephemeral port of 127.0.0.1")
    void ports() throws Exception {
        try (EmbeddedAws first = new EmbeddedAws(AppCds.off());
                EmbeddedAws second = new EmbeddedAws(AppCds.off())) {
            assertThat(first.uri().getHost()).isEqualTo("127.0.0.1");
            assertThat(first.uri().getPort()).isNotEqualTo(second.uri().getPort());
        }
    }

    @Test
    @DisplayName("answers unsupported operations with AWS-style errors")
    void unsupported() throws Exception {
        try (EmbeddedAws aws = new EmbeddedAws(AppCds.off())) {
            HttpResponse<String> s3 = send(aws.uri().resolve("/my-bucket/key"), "GET", null);
            assertThat(s3.statusCode()).isEqualTo(400);
            assertThat(s3.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
            assertThat(s3.body()).contains("flagtest's embedded AWS does not serve GET /my-bucket/key");

            HttpResponse<String> ssm = http.send(
                    HttpRequest.newBuilder(aws.uri())
                            .header("X-Amz-Target", "AmazonSSM.GetParametersByPath")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"/x\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ssm.body())
                    .contains("supports GetParameter, PutParameter and DeleteParameter, not GetParametersByPath");

            HttpResponse<String> missing = send(aws.uri().resolve("/2015-03-31/functions/nope"), "GET", null);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
        }
    }

    private HttpResponse<String> send(URI uri, String method, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri)
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
