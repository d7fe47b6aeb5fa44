package io.github.flagtest.samples.pricing;

import static io.github.flagtest.assertj.FlagAssertions.assertThat;
import static io.github.flagtest.assertj.FlagAssertions.assertThatFeature;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.OpenFeatureAPI;
import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.WithFlag;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The handler's own OpenFeature client answers from each test's flags: no provider to mock. */
class PricingHandlerTest {

    static final Map<String, Object> GOLD =
            Map.of("sku", "KETTLE-9", "customerId", "c-42", "tier", "gold", "basePriceCents", 6900);

    @FeatureEntryPoint("dynamic-discount")
    DiscountEngine discounts; // a spy of the real engine

    PricingHandler handler;

    @BeforeEach
    void setUp() {
        handler = new PricingHandler(OpenFeatureAPI.getInstance().getClient("pricing"), discounts);
    }

    @Test
    @WithFlag(name = "dynamic-discount", enabled = true)
    @DisplayName("ON: gold customers get 10% off, and the flag is evaluated for that customer")
    void discountsGold(FakeFlags flags) {
        Quote quote = handler.handleRequest(GOLD, null);

        assertThat(quote.discountCents()).isEqualTo(690);
        assertThat(quote.priceCents()).isEqualTo(6210);
        assertThat(flags)
                .evaluatedWithContext("dynamic-discount", "targetingKey", "c-42")
                .evaluatedWithContext("dynamic-discount", "tier", "gold")
                .evaluatedAtSingleSite("dynamic-discount");
    }

    @Test
    @WithFlag(name = "dynamic-discount", enabled = false)
    @DisplayName("OFF: list price, and the discount engine is never consulted")
    void listPriceWhenOff() {
        Quote quote = handler.handleRequest(GOLD, null);

        assertThat(quote.priceCents()).isEqualTo(6900);
        assertThatFeature("dynamic-discount").wasNotInvoked();
    }

    @Test
    @WithFlag(name = "dynamic-discount", enabled = true)
    @DisplayName("kill switch: the next quote after the flag is turned OFF is at list price")
    void killSwitch(FakeFlags flags) {
        assertThat(handler.handleRequest(GOLD, null).discountCents()).isPositive();
        flags.disable("dynamic-discount");
        assertThat(handler.handleRequest(GOLD, null).discountCents()).isZero();

        assertThatFeature("dynamic-discount").wasInvokedTimes(1).wasInvokedOnlyWhenEnabled();
    }
}
