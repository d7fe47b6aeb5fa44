package com.example.shop.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.Features;
import io.github.flagtest.core.Evaluation;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.FlagClient;
import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.junit.FlagTest;
import io.github.flagtest.junit.WithFlag;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Quarkus's mock of the flag client bean, programmed by flagtest: the beans Quarkus built answer
 * from the pins, the entry point bean is checked, call sites are the beans' lines (no proxies).
 */
@QuarkusTest
@FeatureEntryPoint(value = "loyalty-points", type = Loyalty.class, methods = "award")
class InjectMockFlagClientTest {

    @InjectMock
    @FlagClient
    Features features;

    @Inject
    Checkout checkout;

    @Test
    @WithFlag(name = "loyalty-points", enabled = true)
    void awardsWhenOn() {
        assertThat(checkout.place("c-1", 120)).isEqualTo(12);
        assertThat(FlagTest.currentFlags().evaluations())
                .singleElement()
                .extracting(Evaluation::callSite)
                .satisfies(site -> {
                    assertThat(site.getClassName()).isEqualTo(Checkout.class.getName());
                    assertThat(site.getMethodName()).isEqualTo("place");
                    assertThat(site.getLineNumber()).isEqualTo(18);
                });
    }

    @Test
    @WithFlag(name = "loyalty-points", enabled = false)
    void noAwardWhenOff() {
        assertThat(checkout.place("c-1", 120)).isZero();
    }

    @FlagMatrix("loyalty-points")
    void everyState(FlagState state) {
        assertThat(checkout.place("c-1", 120)).isEqualTo(state.isOn("loyalty-points") ? 12 : 0);
    }

    /** Fails on purpose: flagtest catches the call to the entry point bean while the flag is OFF. */
    @Test
    @WithFlag(name = "loyalty-points", enabled = false)
    void rushIgnoresTheFlag() {
        checkout.rush("c-1", 120);
    }
}
