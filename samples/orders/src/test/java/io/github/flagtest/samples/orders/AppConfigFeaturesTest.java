package io.github.flagtest.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.core.AppConfigEndpoint;
import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.junit.WithFlag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;

/** The production flag client against a local AppConfig: no mocks of the AWS SDK. */
class AppConfigFeaturesTest {

    /** A clock the test moves: polls are judged by AppConfig's own interval, not by waiting. */
    static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final TestClock clock = new TestClock();

    AppConfigFeatures features(AppConfigEndpoint appConfig) {
        AppConfigDataClient client = AppConfigDataClient.builder()
                .endpointOverride(appConfig.uri())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return new AppConfigFeatures(client, "orders", "prod", "flags", Duration.ofSeconds(15), clock);
    }

    @Test
    @WithFlag(name = "loyalty-points", enabled = true)
    @WithFlag(name = "free-shipping", enabled = false)
    @DisplayName("reads both states through the AppConfig Data API, with one session")
    void readsFlags(AppConfigEndpoint appConfig) {
        AppConfigFeatures features = features(appConfig);

        assertThat(features.isEnabled("loyalty-points")).isTrue();
        assertThat(features.isEnabled("free-shipping")).isFalse();
        assertThat(appConfig.sessionsStarted()).isEqualTo(1);
        assertThat(appConfig.configurationsServed())
                .as("cached until the next poll")
                .isEqualTo(1);
    }

    @Test
    @WithFlag(name = "loyalty-points", enabled = true)
    @DisplayName("sees a kill switch at its next poll, and never polls before AppConfig allows it")
    void killSwitch(AppConfigEndpoint appConfig, FakeFlags flags) {
        AppConfigFeatures features = features(appConfig);
        assertThat(features.isEnabled("loyalty-points")).isTrue();

        flags.disable("loyalty-points");
        clock.advance(Duration.ofSeconds(14));
        assertThat(features.isEnabled("loyalty-points"))
                .as("cached: the next poll is due at 15 s")
                .isTrue();
        assertThat(appConfig.configurationsServed())
                .as("no poll AWS would refuse")
                .isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(features.isEnabled("loyalty-points")).isFalse();
    }
}
