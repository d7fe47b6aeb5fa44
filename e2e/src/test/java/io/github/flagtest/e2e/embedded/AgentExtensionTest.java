package io.github.flagtest.e2e.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flagtest.core.FlagSource;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.e2e.fixtures.GreetingHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * The AppConfig Lambda extension on the embedded backend: only for functions with the layer, on its
 * own port, with the layer's caching. Source:
 * https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-integration-lambda-extensions-config.html
 * (AWS_APPCONFIG_EXTENSION_HTTP_PORT, default 2772; AWS_APPCONFIG_EXTENSION_POLL_INTERVAL_SECONDS, default 45).
 */
@DisplayName("the AppConfig extension")
class AgentExtensionTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicReference<FlagState> flags = new AtomicReference<>(FlagState.of(Map.of("loud", false)));
    private final FlagSource appConfig = (app, env, profile) -> Optional.of(flags.get());

    @Test
    @DisplayName("serves the agent path from a cache it refreshes every poll interval (45 s unless set)")
    void caches() throws Exception {
        try (AgentExtension agent = new AgentExtension(
                appConfig, Map.of("AWS_APPCONFIG_EXTENSION_POLL_INTERVAL_SECONDS", "30"), nanos::get)) {
            assertThat(get(agent, "/applications/a/environments/e/configurations/flags"))
                    .contains("\"enabled\":false");

            flags.set(FlagState.of(Map.of("loud", true)));
            nanos.addAndGet(Duration.ofSeconds(29).toNanos());
            assertThat(get(agent, "/applications/a/environments/e/configurations/flags"))
                    .as("cached until its next poll")
                    .contains("\"enabled\":false");

            nanos.addAndGet(Duration.ofSeconds(1).toNanos());
            assertThat(get(agent, "/applications/a/environments/e/configurations/flags"))
                    .contains("\"enabled\":true");
            assertThat(get(agent, "/configuration?configuration_token=x")).contains("ResourceNotFoundException");
        }
        assertThat(AgentExtension.pollInterval(Map.of())).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    @DisplayName("is the layer named AWS-AppConfig-Extension, whatever the account, region or version")
    void layerName() {
        assertThat(AgentExtension.isLayer("arn:aws:lambda:us-east-1:027255383542:layer:AWS-AppConfig-Extension:128"))
                .isTrue();
        assertThat(AgentExtension.isLayer("arn:aws:lambda:eu-west-1:580247275435:layer:LambdaInsightsExtension:18"))
                .isFalse();
    }

    @Test
    @DisplayName("the embedded Lambda takes layer version ARNs only (model: LayerVersionArn), any layer, as AWS does")
    void layers(@TempDir Path classData) throws Exception {
        try (EmbeddedAws aws = new EmbeddedAws(new AppCds(classData));
                LambdaClient lambda =
                        SignedClients.signedFor(aws, LambdaClient.builder()).build()) {
            assertThatThrownBy(() -> create(lambda, "not-an-arn"))
                    .isInstanceOf(LambdaException.class)
                    .hasMessageContaining("at 'layers.1.member' failed to satisfy constraint");
            create(lambda, "arn:aws:lambda:eu-west-1:580247275435:layer:LambdaInsightsExtension:18");
            lambda.deleteFunction(r -> r.functionName("fn"));
            create(lambda, EmbeddedAws.APPCONFIG_EXTENSION_LAYER);
            lambda.deleteFunction(r -> r.functionName("fn"));
        }
    }

    @Test
    @DisplayName("AWS itself does not serve the agent path: a function without the extension finds nothing there")
    void notOnTheMainPort(@TempDir Path classData) throws Exception {
        try (EmbeddedAws aws = new EmbeddedAws(new AppCds(classData))) {
            URI main = aws.uri();
            String path = "/applications/a/environments/e/configurations/flags";
            HttpRequest.Builder request = HttpRequest.newBuilder(main.resolve(path));
            EmbeddedAwsTest.copy(EmbeddedAwsTest.signed(aws, path, "GET", null, Map.of(), "appconfig"), request);
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("served by the AppConfig Lambda extension");
        }
    }

    private static void create(LambdaClient lambda, String layer) {
        lambda.createFunction(r -> r.functionName("fn")
                .runtime("java17")
                .role("arn:aws:iam::000000000000:role/flagtest")
                .handler(GreetingHandler.class.getName() + "::handleRequest")
                .layers(layer)
                .code(code ->
                        code.zipFile(SdkBytes.fromByteArray(EmbeddedAws.code(System.getProperty("java.class.path"))))));
    }

    private static String get(AgentExtension agent, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
