package io.github.flagtest.e2e.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

@DisplayName("embedded AWS: request signing as AWS checks it, and services it does not emulate")
class SigningAndServicesTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private EmbeddedAws aws;

    @BeforeEach
    void start() throws Exception {
        aws = new EmbeddedAws(AppCds.off());
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private HttpResponse<String> get(String path, String service, Instant date) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(aws.uri().resolve(path)).GET();
        EmbeddedAwsTest.copy(EmbeddedAwsTest.signed(aws, path, "GET", null, Map.of(), service, date), request);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // https://docs.aws.amazon.com/IAM/latest/UserGuide/signing-elements.html#date: a signature is good
    // for 5 minutes from X-Amz-Date; AWS answers an older one InvalidSignatureException "Signature expired"
    @Nested
    @DisplayName("Signature Version 4")
    class Signing {

        @Test
        @DisplayName("an X-Amz-Date an hour old (AWS: 5 minutes) is 403 InvalidSignatureException 'Signature expired'")
        void expired() throws Exception {
            Instant hourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            HttpResponse<String> response = get("/applications", "appconfig", hourAgo);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InvalidSignatureException");
            assertThat(response.body()).contains("Signature expired: ").contains(" - 5 min.)");
        }

        @Test
        @DisplayName("one an hour ahead is 'Signature not yet current'; one four minutes old is fine")
        void window() throws Exception {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            assertThat(get("/applications", "appconfig", now.plus(Duration.ofHours(1)))
                            .body())
                    .contains("Signature not yet current");
            assertThat(get("/applications", "appconfig", now.minus(Duration.ofMinutes(4)))
                            .statusCode())
                    .isEqualTo(200);
        }

        @Test
        @DisplayName("a credential scoped to another service is 403 'Credential should be scoped to correct service'")
        void scope() throws Exception {
            HttpResponse<String> response =
                    get("/applications", "ssm", Instant.now().truncatedTo(ChronoUnit.SECONDS));
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InvalidSignatureException");
            assertThat(response.body()).contains("Credential should be scoped to correct service: 'appconfig'.");
        }
    }

    @Nested
    @DisplayName("a service the embedded AWS does not emulate answers in its own protocol, naming the fix")
    class NotEmulatedServices {

        @Test
        @DisplayName("S3 with the real S3 client: S3Exception NotImplemented (REST XML) naming AWS_ENDPOINT_URL_S3")
        void s3() {
            try (S3Client s3 = SignedClients.signedFor(aws, S3Client.builder()).build()) {
                assertThatThrownBy(
                                () -> s3.putObject(r -> r.bucket("orders").key("a.json"), RequestBody.fromString("{}")))
                        .isInstanceOfSatisfying(S3Exception.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(501);
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
                            assertThat(e.awsErrorDetails().errorMessage())
                                    .contains("does not emulate s3")
                                    .contains("AWS_ENDPOINT_URL_S3")
                                    .contains("another backend");
                        });
                assertThatThrownBy(() -> s3.listBuckets())
                        .isInstanceOf(S3Exception.class)
                        .hasMessageContaining("AWS_ENDPOINT_URL_S3");
            }
        }

        @Test
        @DisplayName("JSON services (DynamoDB) get a JSON error with x-amzn-ErrorType; Secrets Manager's key")
        void json() throws Exception {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(aws.uri().resolve("/")).POST(HttpRequest.BodyPublishers.ofString("{}"));
            EmbeddedAwsTest.copy(
                    EmbeddedAwsTest.signed(
                            aws,
                            "/",
                            "POST",
                            "{}",
                            Map.of(
                                    "X-Amz-Target",
                                    "DynamoDB_20120810.GetItem",
                                    "Content-Type",
                                    "application/x-amz-json-1.0"),
                            "dynamodb"),
                    request);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(501);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("NotImplemented");
            assertThat(response.body()).contains("AWS_ENDPOINT_URL_DYNAMODB");
            assertThat(NotEmulated.endpointVariable("secretsmanager")).isEqualTo("AWS_ENDPOINT_URL_SECRETS_MANAGER");
        }

        @Test
        @DisplayName("query-protocol services (STS) get the query protocol's XML ErrorResponse")
        void query() throws Exception {
            String body = "Action=GetCallerIdentity&Version=2011-06-15";
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(aws.uri().resolve("/")).POST(HttpRequest.BodyPublishers.ofString(body));
            EmbeddedAwsTest.copy(
                    EmbeddedAwsTest.signed(
                            aws, "/", "POST", body, Map.of("Content-Type", "application/x-www-form-urlencoded"), "sts"),
                    request);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(501);
            assertThat(response.body())
                    .startsWith("<ErrorResponse><Error><Type>Sender</Type><Code>NotImplemented</Code>")
                    .contains("AWS_ENDPOINT_URL_STS");
        }
    }
}
