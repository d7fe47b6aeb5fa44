package io.github.flagtest.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.flagtest.core.FlagState;
import io.github.flagtest.core.Serve;
import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.junit.FlagTest;
import io.github.flagtest.junit.WithFlag;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@DisplayName("@FlagEndpoint")
class FlagEndpointTests {

    /** The endpoint addresses the fixtures' flag client beans were given, one per context. */
    static final Set<String> ENDPOINTS = ConcurrentHashMap.newKeySet();

    static final AtomicInteger STARTS = new AtomicInteger();

    @Test
    @DisplayName(
            "one endpoint per context serves each pinned test and matrix run the flags it set, and stops with the context")
    void servesTheRunningTest() {
        ENDPOINTS.clear();
        STARTS.set(0);

        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(EndpointFixture.class))
                .configurationParameter("flagtest.report", "false")
                .execute();

        results.testEvents().assertStatistics(s -> s.started(6).succeeded(6));
        assertThat(STARTS).hasValue(1);
        assertThat(ENDPOINTS)
                .singleElement()
                .satisfies(uri -> assertThatThrownBy(() -> get(URI.create(uri)))
                        .as("the endpoint after @DirtiesContext closed its context")
                        .isInstanceOf(UncheckedIOException.class));
    }

    @Test
    @DisplayName("outside a test (while the context starts) it serves every flag OFF; closing the context stops it")
    void outsideATest() {
        GenericApplicationContext context = new GenericApplicationContext();
        new FlagEndpointCustomizerFactory()
                .createContextCustomizer(EndpointFixture.class, List.of())
                .customizeContext(context, null);
        context.refresh();
        String endpoint = context.getEnvironment().getRequiredProperty("flagtest.appconfig.agent");
        URI profile = URI.create(endpoint + "/applications/shop/environments/test/configurations/flags");
        try {
            assertThat(get(profile)).isEqualTo("{}");
            assertThat(context.getEnvironment().getProperty("flagtest.appconfig.endpoint"))
                    .isEqualTo(endpoint);
        } finally {
            context.close();
        }
        assertThatThrownBy(() -> get(profile)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    @DisplayName("a class without @FlagEndpoint gets no endpoint")
    void notAnnotated() {
        assertThat(new FlagEndpointCustomizerFactory().createContextCustomizer(FlagEndpointTests.class, List.of()))
                .isNull();
    }

    static String get(URI uri) {
        try {
            return HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The application's own flag client: reads the AppConfig agent path it is configured with. */
    static final class AgentFeatureFlags implements Shop.FeatureFlags {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final URI profile;

        AgentFeatureFlags(String agent) {
            this.profile = URI.create(agent + "/applications/shop/environments/test/configurations/flags");
        }

        @Override
        public boolean isEnabled(String flag) {
            try {
                return JSON.readTree(get(profile)).path(flag).path("enabled").asBoolean(false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Configuration
    static class AgentShop {
        AgentShop() {
            STARTS.incrementAndGet();
        }

        @Bean
        Shop.FeatureFlags featureFlags(@Value("${shop.appconfig.agent}") String agent) {
            ENDPOINTS.add(agent);
            return new AgentFeatureFlags(agent);
        }

        @Bean
        Shop.LoyaltyService loyaltyService() {
            return new Shop.LoyaltyService();
        }

        @Bean
        Shop.OrderService orderService(Shop.FeatureFlags flags, Shop.LoyaltyService loyalty) {
            return new Shop.OrderService(flags, loyalty);
        }
    }

    @SpringJUnitConfig(AgentShop.class)
    @TestPropertySource(properties = "shop.appconfig.agent=${flagtest.appconfig.agent}")
    @FlagEndpoint
    @DirtiesContext
    static class EndpointFixture {

        @Autowired
        Shop.OrderService orders;

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        void on() {
            assertThat(orders.place("c-1", 120)).isEqualTo("points=12");
            assertThat(FlagTest.currentFlags().serves())
                    .as("the documents served to this test, recorded on its flags")
                    .extracting(Serve::source)
                    .contains("appconfig:shop/test/flags");
        }

        @Test
        @WithFlag(name = "express-checkout", enabled = true)
        void express() {
            assertThat(orders.place("c-1", 120)).isEqualTo("+express");
        }

        @FlagMatrix({"loyalty-points", "gift-wrap"})
        void everyState(FlagState state) {
            String expected =
                    (state.isOn("loyalty-points") ? "points=12" : "") + (state.isOn("gift-wrap") ? "+wrapped" : "");
            assertThat(orders.place("c-1", 120)).isEqualTo(expected);
        }
    }
}
