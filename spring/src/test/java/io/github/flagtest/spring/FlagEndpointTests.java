package io.github.flagtest.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.junit.FlagTest;
import io.github.flagtest.junit.WithFlag;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;

@DisplayName("@FlagEndpoint: one AppConfig endpoint per Spring context, serving the running test")
class FlagEndpointTests {

    static final List<String> READS = new CopyOnWriteArrayList<>();
    static final List<URI> ENDPOINTS = new CopyOnWriteArrayList<>();

    /** The application's own configuration: an unmodified SDK client pointed at a property. */
    @Configuration
    static class ClientConfig {
        static final AtomicInteger STARTS = new AtomicInteger();

        ClientConfig() {
            STARTS.incrementAndGet();
        }

        @Bean
        AppConfigDataClient appConfigData(@Value("${app.appconfig.endpoint}") URI endpoint) {
            ENDPOINTS.add(endpoint);
            return AppConfigDataClient.builder()
                    .endpointOverride(endpoint)
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("app", "app")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }

        @Bean
        FlagDocument flagDocument(AppConfigDataClient client) {
            return new FlagDocument(client);
        }
    }

    /** What the application does: a session, then the latest document (no cache, for the test). */
    record FlagDocument(AppConfigDataClient client) {
        String read() {
            String token = client.startConfigurationSession(r -> r.applicationIdentifier("shop")
                            .environmentIdentifier("prod")
                            .configurationProfileIdentifier("flags"))
                    .initialConfigurationToken();
            return client.getLatestConfiguration(r -> r.configurationToken(token))
                    .configuration()
                    .asString(StandardCharsets.UTF_8);
        }
    }

    @SpringJUnitConfig(ClientConfig.class)
    @FlagEndpoint(properties = "app.appconfig.endpoint")
    static class MatrixFixture {
        @Autowired
        FlagDocument flags;

        @FlagMatrix("loyalty-points")
        void everyState() {
            String document = flags.read();
            READS.add(document);
            boolean on = FlagTest.currentState().isOn("loyalty-points");
            assertThat(document).isEqualTo("{\"loyalty-points\":{\"enabled\":" + on + "}}");
        }

        @Test
        @WithFlag(name = "express", enabled = true)
        void pinned() {
            String document = flags.read();
            READS.add(document);
            assertThat(document).isEqualTo("{\"express\":{\"enabled\":true}}");
        }
    }

    @SpringJUnitConfig(ClientConfig.class)
    @FlagEndpoint(properties = "app.appconfig.endpoint")
    @DirtiesContext
    static class DirtiedFixture {
        @Autowired
        FlagDocument flags;

        @Test
        @WithFlag(name = "express", enabled = false)
        void reads() {
            assertThat(flags.read()).isEqualTo("{\"express\":{\"enabled\":false}}");
        }
    }

    @Test
    @DisplayName("an unmodified AppConfigDataClient bean reads each matrix run's and pinned test's flags, in one"
            + " context; the document is recorded as read by the test")
    void servesTheRunningTest() {
        READS.clear();
        int starts = ClientConfig.STARTS.get();

        EngineExecutionResults results = run(MatrixFixture.class);

        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3));
        assertThat(READS)
                .containsExactlyInAnyOrder(
                        "{\"loyalty-points\":{\"enabled\":false}}",
                        "{\"loyalty-points\":{\"enabled\":true}}",
                        "{\"express\":{\"enabled\":true}}");
        assertThat(ClientConfig.STARTS.get() - starts).as("contexts started").isEqualTo(1);
    }

    @Test
    @DisplayName("the endpoint closes with its context")
    void closesWithTheContext() {
        ENDPOINTS.clear();

        run(DirtiedFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(1).succeeded(1));

        assertThat(ENDPOINTS).hasSize(1);
        URI endpoint = ENDPOINTS.get(0);
        assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
                .isInstanceOf(IOException.class);
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute();
    }
}
