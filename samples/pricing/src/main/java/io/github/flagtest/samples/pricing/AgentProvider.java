package io.github.flagtest.samples.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** An OpenFeature provider that reads flags from the AWS AppConfig Lambda extension (agent). */
public final class AgentProvider implements FeatureProvider {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI profile;

    public AgentProvider(URI profile) {
        this.profile = profile;
    }

    @Override
    public Metadata getMetadata() {
        return () -> "appconfig-agent";
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
        JsonNode flag = read(key);
        if (flag == null) {
            return fallback(defaultValue);
        }
        return ProviderEvaluation.<Boolean>builder()
                .value(flag.path("enabled").asBoolean(defaultValue))
                .reason(Reason.STATIC.name())
                .build();
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
        JsonNode flag = read(key);
        return ProviderEvaluation.<String>builder()
                .value(flag == null ? defaultValue : flag.path("_variant").asText(defaultValue))
                .build();
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
        return fallback(defaultValue);
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
        return fallback(defaultValue);
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
        return fallback(defaultValue);
    }

    /** The caller's default: the agent does not serve this flag, or not as this type. */
    private static <T> ProviderEvaluation<T> fallback(T defaultValue) {
        return ProviderEvaluation.<T>builder()
                .value(defaultValue)
                .reason(Reason.DEFAULT.name())
                .build();
    }

    private JsonNode read(String flag) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(profile + "?flag=" + flag))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "The AppConfig agent did not answer for " + flag + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + flag, e);
        }
    }
}
