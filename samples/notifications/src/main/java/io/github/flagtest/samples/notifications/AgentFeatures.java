package io.github.flagtest.samples.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Feature flags from the AWS AppConfig Lambda extension (the agent), which serves the configuration
 * on {@code localhost:AWS_APPCONFIG_EXTENSION_HTTP_PORT} and does the polling and caching itself.
 */
public final class AgentFeatures implements Features {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI profile;

    public AgentFeatures(int port, String application, String environment, String profile) {
        this.profile = URI.create("http://127.0.0.1:" + port + "/applications/" + application + "/environments/"
                + environment + "/configurations/" + profile);
    }

    public static AgentFeatures fromEnvironment() {
        return new AgentFeatures(
                Integer.parseInt(env("AWS_APPCONFIG_EXTENSION_HTTP_PORT", "2772")),
                env("FLAGTEST_APPCONFIG_APPLICATION", "notifications"),
                env("FLAGTEST_APPCONFIG_ENVIRONMENT", "prod"),
                env("FLAGTEST_APPCONFIG_PROFILE", "flags"));
    }

    @Override
    public boolean isEnabled(String flag) {
        return flag(flag, Map.of()).path("enabled").asBoolean(false);
    }

    @Override
    public String variant(String flag, String fallback, Map<String, String> context) {
        JsonNode value = flag(flag, context);
        return value.path("enabled").asBoolean(false) ? value.path("_variant").asText(fallback) : fallback;
    }

    /** One flag from the agent; the context goes as {@code Context: key=value} headers, one per pair. */
    private JsonNode flag(String flag, Map<String, String> context) {
        URI uri = URI.create(profile + "?flag=" + URLEncoder.encode(flag, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2));
        context.forEach((key, value) -> request.header("Context", key + "=" + value));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return JSON.createObjectNode(); // an unknown flag is OFF: the production-safe default
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("The AppConfig agent at " + uri + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading flag " + flag, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
