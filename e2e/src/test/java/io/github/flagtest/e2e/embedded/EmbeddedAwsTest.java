package io.github.flagtest.e2e.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;

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
            HttpResponse<String> lambdaPath = send(aws, "/2015-03-31/nothing", "GET", null, Map.of(), "lambda");
            assertThat(lambdaPath.statusCode()).isEqualTo(400);
            assertThat(lambdaPath.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
            assertThat(lambdaPath.body()).contains("flagtest's embedded AWS does not serve GET /2015-03-31/nothing");

            HttpResponse<String> ssm = send(
                    aws,
                    "/",
                    "POST",
                    "{\"Path\":\"/x\"}",
                    Map.of("X-Amz-Target", "AmazonSSM.GetParametersByPath"),
                    "ssm");
            assertThat(ssm.body())
                    .contains("supports GetParameter, PutParameter and DeleteParameter, not GetParametersByPath");

            HttpResponse<String> missing = send(aws, "/2015-03-31/functions/nope", "GET", null, Map.of(), "lambda");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
        }
    }

    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html and the services' common errors
    // (https://docs.aws.amazon.com/lambda/latest/api/CommonErrors.html): 403 for a missing, unknown or wrong signature
    @Nested
    @DisplayName("takes only requests signed with this backend's own random credentials")
    class Signing {

        @Test
        @DisplayName("an unsigned request is MissingAuthenticationTokenException (403)")
        void unsigned() throws Exception {
            try (EmbeddedAws aws = new EmbeddedAws(AppCds.off())) {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(aws.uri().resolve("/2015-03-31/functions/nope"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(403);
                assertThat(response.headers().firstValue("x-amzn-ErrorType"))
                        .contains("MissingAuthenticationTokenException");
            }
        }

        @Test
        @DisplayName("an SDK client with other credentials (test/test, another run's) is UnrecognizedClientException")
        void otherCredentials() throws Exception {
            try (EmbeddedAws aws = new EmbeddedAws(AppCds.off());
                    LambdaClient stranger = LambdaClient.builder()
                            .endpointOverride(aws.uri())
                            .region(Region.US_EAST_1)
                            .credentialsProvider(
                                    StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                            .httpClient(UrlConnectionHttpClient.create())
                            .build()) {
                assertThat(aws.signing().accessKeyId()).startsWith("AKIA").hasSize(20);
                assertThatThrownBy(() -> stranger.listFunctions())
                        .isInstanceOf(LambdaException.class)
                        .hasMessageContaining("The security token included in the request is invalid")
                        .satisfies(e ->
                                assertThat(((LambdaException) e).statusCode()).isEqualTo(403));
            }
        }

        @Test
        @DisplayName("a request changed after signing is InvalidSignatureException")
        void tampered() throws Exception {
            try (EmbeddedAws aws = new EmbeddedAws(AppCds.off())) {
                Map<String, List<String>> headers = signed(
                        aws, "/", "POST", "{\"Name\":\"/x\"}", Map.of("X-Amz-Target", "AmazonSSM.GetParameter"), "ssm");
                HttpRequest.Builder request = HttpRequest.newBuilder(aws.uri().resolve("/"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"/other\"}"));
                copy(headers, request);

                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(403);
                assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InvalidSignatureException");
            }
        }
    }

    private HttpResponse<String> send(
            EmbeddedAws aws, String path, String method, String body, Map<String, String> extra, String service)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(aws.uri().resolve(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        copy(signed(aws, path, method, body, extra, service), request);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The headers of a request signed as an SDK client would sign it. */
    static Map<String, List<String>> signed(
            EmbeddedAws aws, String path, String method, String body, Map<String, String> extra, String service) {
        return signed(aws, path, method, body, extra, service, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** As {@link #signed(EmbeddedAws, String, String, String, Map, String)}, signed at {@code date}. */
    static Map<String, List<String>> signed(
            EmbeddedAws aws,
            String path,
            String method,
            String body,
            Map<String, String> extra,
            String service,
            Instant date) {
        URI uri = aws.uri().resolve(path);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of(uri.getHost() + ":" + uri.getPort()));
        extra.forEach((name, value) -> headers.put(name, List.of(value)));
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return aws.signing().sign(method, uri, headers, bytes, "us-east-1", service, date);
    }

    static void copy(Map<String, List<String>> headers, HttpRequest.Builder request) {
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) { // the JDK client sets Host itself (the same value)
                values.forEach(value -> request.header(name, value));
            }
        });
    }

    @Test
    @DisplayName("remembers how often each application's AppConfig Data clients may poll, for the drill's report")
    void pollInterval() throws Exception {
        try (EmbeddedAws aws = new EmbeddedAws(AppCds.off());
                software.amazon.awssdk.services.appconfig.AppConfigClient control = SignedClients.signedFor(
                                aws, software.amazon.awssdk.services.appconfig.AppConfigClient.builder())
                        .build();
                software.amazon.awssdk.services.appconfigdata.AppConfigDataClient data = SignedClients.signedFor(
                                aws, software.amazon.awssdk.services.appconfigdata.AppConfigDataClient.builder())
                        .build()) {
            String app = control.createApplication(r -> r.name("shop")).id();
            String env = control.createEnvironment(r -> r.applicationId(app).name("e2e"))
                    .id();
            String profile = control.createConfigurationProfile(r -> r.applicationId(app)
                            .name("flags")
                            .locationUri("hosted")
                            .type("AWS.AppConfig.FeatureFlags"))
                    .id();
            int version = control.createHostedConfigurationVersion(r -> r.applicationId(app)
                            .configurationProfileId(profile)
                            .contentType("application/json")
                            .content(software.amazon.awssdk.core.SdkBytes.fromUtf8String("{\"version\":\"1\"}")))
                    .versionNumber();
            String strategy = control.createDeploymentStrategy(
                            r -> r.name("now").deploymentDurationInMinutes(0).growthFactor(100f))
                    .id();
            control.startDeployment(r -> r.applicationId(app)
                    .environmentId(env)
                    .configurationProfileId(profile)
                    .configurationVersion(Integer.toString(version))
                    .deploymentStrategyId(strategy));
            assertThat(aws.pollInterval(app)).isEmpty();

            data.startConfigurationSession(r -> r.applicationIdentifier("shop")
                    .environmentIdentifier("e2e")
                    .configurationProfileIdentifier("flags")
                    .requiredMinimumPollIntervalInSeconds(20));

            assertThat(aws.pollInterval(app)).contains(java.time.Duration.ofSeconds(20));
            assertThat(aws.pollInterval("shop")).contains(java.time.Duration.ofSeconds(20));
        }
    }
}
