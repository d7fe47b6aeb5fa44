package io.github.flagtest.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.FlagClient;
import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.junit.WithFlag;
import io.github.flagtest.spring.Shop.FeatureFlags;
import io.github.flagtest.spring.Shop.LoyaltyService;
import io.github.flagtest.spring.Shop.OrderService;
import io.github.flagtest.spring.Shop.ShopConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@DisplayName("flag clients in a Spring test context")
class FlagClientBeanTests {

    /** The contexts the @FlagClientBean fixtures ran in, one entry per test or matrix run. */
    static final List<ApplicationContext> CONTEXTS = new CopyOnWriteArrayList<>();

    @Nested
    @DisplayName("@FlagClientBean")
    class FlagClientBeans {

        @Test
        @DisplayName("pins flags, runs a 3-flag matrix and catches an OFF call through the beans, in one context")
        void oneContextForEveryState() {
            CONTEXTS.clear();
            int starts = ShopConfig.STARTS.get();

            run(PinnedFixture.class)
                    .testEvents()
                    .assertStatistics(s -> s.started(2).succeeded(2));
            run(MatrixFixture.class)
                    .testEvents()
                    .assertStatistics(s -> s.started(8).succeeded(8));
            EngineExecutionResults offCall = run(EntryPointFixture.class);

            offCall.testEvents().assertStatistics(s -> s.started(1).failed(1));
            assertThat(message(offCall.testEvents().failed().list().get(0)))
                    .contains("expected no call while 'loyalty-points' was OFF, but there was 1:")
                    .containsPattern("LoyaltyService\\.award\\(\"c-1\", 12\\) at io\\.github\\.flagtest\\.spring\\."
                            + "Shop\\$OrderService\\.placeUnguarded\\(Shop\\.java:\\d+\\)");
            assertThat(CONTEXTS).hasSize(11);
            assertThat(CONTEXTS.stream().distinct()).hasSize(1);
            assertThat(ShopConfig.STARTS.get() - starts).isLessThanOrEqualTo(1);
        }
    }

    @Nested
    @DisplayName("@MockitoBean @FlagClient")
    class MockitoBeans {

        @Test
        @DisplayName("programs Spring's mock bean, so the service the context built answers from the pins")
        void programsTheMockBean() {
            run(MockitoBeanFixture.class)
                    .testEvents()
                    .assertStatistics(s -> s.started(2).succeeded(2));
        }
    }

    @SpringJUnitConfig(ShopConfig.class)
    @WithFlag(name = "loyalty-points", enabled = true)
    @WithFlag(name = "express-checkout", enabled = false)
    @WithFlag(name = "gift-wrap", enabled = false)
    static class PinnedFixture {

        @FlagClientBean
        FeatureFlags flags;

        @Autowired
        FeatureFlags bean;

        @Autowired
        OrderService orders;

        @Autowired
        ApplicationContext context;

        @Test
        void answersThroughTheBean(FakeFlags fake) {
            CONTEXTS.add(context);
            assertThat(flags).isSameAs(bean);
            assertThat(orders.place("c-1", 120)).isEqualTo("points=12");
            // recorded at the service's line, not at the flag client's mock
            assertThat(fake.evaluations().get(0).callSite().getClassName()).isEqualTo(OrderService.class.getName());
        }

        @Test
        @WithFlag(name = "gift-wrap", enabled = true)
        void followsEachTestsPins() {
            CONTEXTS.add(context);
            assertThat(orders.place("c-1", 120)).isEqualTo("points=12+wrapped");
        }
    }

    @SpringJUnitConfig(ShopConfig.class)
    static class MatrixFixture {

        @FlagClientBean
        FeatureFlags flags;

        @Autowired
        OrderService orders;

        @Autowired
        ApplicationContext context;

        @FlagMatrix({"loyalty-points", "express-checkout", "gift-wrap"})
        void everyState(FlagState state) {
            CONTEXTS.add(context);
            String expected = (state.isOn("loyalty-points") ? "points=12" : "")
                    + (state.isOn("express-checkout") ? "+express" : "")
                    + (state.isOn("gift-wrap") ? "+wrapped" : "");
            assertThat(orders.place("c-1", 120)).isEqualTo(expected);
        }
    }

    @SpringJUnitConfig(ShopConfig.class)
    @WithFlag(name = "loyalty-points", enabled = false)
    @FeatureEntryPoint(value = "loyalty-points", type = LoyaltyService.class, methods = "award")
    static class EntryPointFixture {

        @FlagClientBean
        FeatureFlags flags;

        @Autowired
        OrderService orders;

        @Autowired
        ApplicationContext context;

        @Test
        void awardsWhileOff() {
            CONTEXTS.add(context);
            orders.placeUnguarded("c-1", 120);
        }
    }

    @SpringJUnitConfig(ShopConfig.class)
    @WithFlag(name = "loyalty-points", enabled = true)
    static class MockitoBeanFixture {

        @MockitoBean
        @FlagClient
        FeatureFlags flags;

        @Autowired
        OrderService orders;

        @Test
        void answersFromThePins() {
            assertThat(orders.place("c-1", 120)).isEqualTo("points=12");
        }

        @Test
        @WithFlag(name = "express-checkout", enabled = true)
        void followsEachTestsPins() {
            assertThat(orders.place("c-1", 120)).isEqualTo("points=12+express");
        }
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(Map.of("flagtest.report", "false"))
                .selectors(selectClass(fixture))
                .execute();
    }

    private static String message(Event event) {
        return event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage)
                .orElse("");
    }
}
