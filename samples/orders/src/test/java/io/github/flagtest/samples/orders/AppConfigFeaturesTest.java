package io.github.flagtest.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.core.AppConfigEndpoint;
import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.junit.WithFlag;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;

/** The production flag client against a local AppConfig: no mocks of the AWS SDK. */
class AppConfigFeaturesTest {

    static AppConfigFeatures features(AppConfigEndpoint appConfig, Duration cacheTtl) {
        AppConfigDataClient client = AppConfigDataClient.builder()
                .endpointOverride(appConfig.uri())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return new AppConfigFeatures(client, "orders", "prod", "flags", cacheTtl, Clock.systemUTC());
    }

    @Test
    @WithFlag(name = "loyalty-points", enabled = true)
    @WithFlag(name = "free-shipping", enabled = false)
    @DisplayName("reads both states through the AppConfig Data API, with one session")
    void readsFlags(AppConfigEndpoint appConfig) {
        AppConfigFeatures features = features(appConfig, Duration.ofMinutes(5));

        assertThat(features.isEnabled("loyalty-points")).isTrue();
        assertThat(features.isEnabled("free-shipping")).isFalse();
        assertThat(appConfig.sessionsStarted()).isEqualTo(1);
        assertThat(appConfig.configurationsServed()).as("cached for the TTL").isEqualTo(1);
    }

    @Test
    @WithFlag(name = "loyalty-points", enabled = true)
    @DisplayName("sees a kill switch at its next poll")
    void killSwitch(AppConfigEndpoint appConfig, FakeFlags flags) {
        AppConfigFeatures features = features(appConfig, Duration.ZERO);
        assertThat(features.isEnabled("loyalty-points")).isTrue();

        flags.disable("loyalty-points");

        assertThat(features.isEnabled("loyalty-points")).isFalse();
    }
}
