package io.github.flagtest.samples.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;
import software.amazon.awssdk.services.appconfigdata.model.GetLatestConfigurationResponse;

/**
 * Feature flags from AWS AppConfig through the AppConfig Data API: one configuration session per
 * execution environment that asks for a poll interval ({@code RequiredMinimumPollIntervalInSeconds},
 * 15 s or more), a poll only once the previous answer's {@code NextPollIntervalInSeconds} has passed
 * (AppConfig refuses earlier polls), the last document kept in memory (AppConfig answers an empty
 * body when nothing changed).
 */
public final class AppConfigFeatures implements Features {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AppConfigDataClient client;
    private final String application;
    private final String environment;
    private final String profile;
    private final Duration pollInterval;
    private final Clock clock;
    private String token;
    private JsonNode flags = JSON.createObjectNode();
    private Instant nextPoll = Instant.MIN;

    public AppConfigFeatures(
            AppConfigDataClient client,
            String application,
            String environment,
            String profile,
            Duration pollInterval,
            Clock clock) {
        if (pollInterval.getSeconds() < 15) {
            throw new IllegalArgumentException("AppConfig polls at most every 15 s; got " + pollInterval);
        }
        this.client = client;
        this.application = application;
        this.environment = environment;
        this.profile = profile;
        this.pollInterval = pollInterval;
        this.clock = clock;
    }

    /** Configured from the function's environment, as deployed. */
    public static AppConfigFeatures fromEnvironment() {
        return new AppConfigFeatures(
                AppConfigDataClient.builder()
                        .httpClient(UrlConnectionHttpClient.create())
                        .build(),
                env("FLAGTEST_APPCONFIG_APPLICATION", "orders"),
                env("FLAGTEST_APPCONFIG_ENVIRONMENT", "prod"),
                env("FLAGTEST_APPCONFIG_PROFILE", "flags"),
                Duration.ofSeconds(Long.parseLong(env("FLAGS_POLL_SECONDS", "15"))),
                Clock.systemUTC());
    }

    @Override
    public synchronized boolean isEnabled(String flag) {
        refresh();
        return flags.path(flag).path("enabled").asBoolean(false);
    }

    private void refresh() {
        Instant now = clock.instant();
        if (now.isBefore(nextPoll)) {
            return;
        }
        if (token == null) {
            token = client.startConfigurationSession(r -> r.applicationIdentifier(application)
                            .environmentIdentifier(environment)
                            .configurationProfileIdentifier(profile)
                            .requiredMinimumPollIntervalInSeconds((int) pollInterval.getSeconds()))
                    .initialConfigurationToken();
        }
        String current = token;
        GetLatestConfigurationResponse latest = client.getLatestConfiguration(r -> r.configurationToken(current));
        token = latest.nextPollConfigurationToken();
        byte[] body = latest.configuration().asByteArray();
        if (body.length > 0) {
            try {
                flags = JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("AppConfig returned a document that is not JSON", e);
            }
        }
        nextPoll = now.plusSeconds(latest.nextPollIntervalInSeconds());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
