package io.github.flagtest.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.junit.FlagTest;
import io.github.flagtest.junit.WithFlag;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@DisplayName("an OpenFeature client bean in a Spring test context")
class OpenFeatureBeanTests {

    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    /** The application's configuration: its OpenFeature client is a bean, made once per context. */
    @Configuration
    static class AppConfig {
        static final AtomicInteger STARTS = new AtomicInteger();

        AppConfig() {
            STARTS.incrementAndGet();
        }

        @Bean
        Client openFeature() {
            return OpenFeatureAPI.getInstance().getClient("shop");
        }

        @Bean
        Checkout checkout(Client openFeature) {
            return new Checkout(openFeature);
        }
    }

    /** Reads its flag through the client bean at each call. */
    record Checkout(Client flags) {
        String banner() {
            return flags.getBooleanValue("loyalty-points", false) ? "points" : "none";
        }
    }

    @SpringJUnitConfig(AppConfig.class)
    static class Fixture {
        @Autowired
        Checkout checkout;

        @FlagMatrix("loyalty-points")
        void everyState() {
            String banner = checkout.banner();
            SEEN.add(banner);
            assertThat(banner).isEqualTo(FlagTest.currentState().isOn("loyalty-points") ? "points" : "none");
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        void pinned() {
            SEEN.add(checkout.banner());
            assertThat(FlagTest.currentFlags().evaluations()).isNotEmpty(); // the bean's read is the test's
        }
    }

    @Test
    @DisplayName("answers every pinned test and matrix run from the running test's flags, in one context, with the"
            + " reads recorded on that test")
    void oneContextForEveryState() {
        SEEN.clear();
        int starts = AppConfig.STARTS.get();

        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Fixture.class))
                .execute()
                .testEvents()
                .assertStatistics(s -> s.started(3).succeeded(3));

        assertThat(SEEN).containsExactlyInAnyOrder("none", "points", "points");
        assertThat(AppConfig.STARTS.get() - starts).as("contexts started").isEqualTo(1);
    }
}
