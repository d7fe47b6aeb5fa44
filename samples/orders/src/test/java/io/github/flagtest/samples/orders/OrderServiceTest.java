package io.github.flagtest.samples.orders;

import static io.github.flagtest.assertj.FlagAssertions.assertThat;
import static io.github.flagtest.assertj.FlagAssertions.assertThatFeature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.FlagClient;
import io.github.flagtest.junit.WithFlag;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Unit tests of both flag states: ON does the job, OFF never reaches the feature. */
class OrderServiceTest {

    static final Order LARGE = new Order("c-42", List.of(new Order.Line("KETTLE-9", 1, 6_900)));
    static final Order SMALL = new Order("c-17", List.of(new Order.Line("MUG-1", 2, 1_250)));

    @FlagClient
    Features features;

    @FeatureEntryPoint("loyalty-points")
    LoyaltyService loyalty;

    OrderService orders;

    @BeforeEach
    void setUp() {
        orders = new OrderService(features, loyalty);
    }

    @Nested
    @DisplayName("loyalty-points")
    class LoyaltyPoints {

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        @DisplayName("ON: one point per euro is credited and shown on the receipt")
        void awardsPoints(FakeFlags flags) {
            when(loyalty.award(eq("c-42"), anyLong())).thenReturn(69L);

            Receipt receipt = orders.place(LARGE);

            verify(loyalty).award("c-42", 69);
            assertThat(receipt.loyaltyPoints()).isEqualTo(69);
            assertThat(flags).evaluatedAtSingleSite("loyalty-points");
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = false)
        @DisplayName("OFF: the loyalty programme is never called (checked by @FeatureEntryPoint after the test)")
        void neverAwardsWhenOff() {
            Receipt receipt = orders.place(LARGE);

            assertThat(receipt.loyaltyPoints()).isZero();
            assertThatFeature("loyalty-points").wasNotInvoked();
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        @DisplayName("kill switch: after the flag is turned OFF mid-test, no order awards points")
        void killSwitch(FakeFlags flags) {
            orders.place(LARGE);
            flags.disable("loyalty-points");
            orders.place(SMALL);

            verify(loyalty).award(eq("c-42"), anyLong());
            assertThatFeature("loyalty-points").wasInvokedTimes(1).wasInvokedOnlyWhenEnabled();
        }
    }

    @Nested
    @DisplayName("free-shipping")
    @WithFlag(name = "loyalty-points", enabled = false)
    class FreeShipping {

        @Test
        @WithFlag(name = "free-shipping", enabled = true)
        @DisplayName("ON: no shipping fee from 50 EUR, the fee below")
        void freeFromFifty(FakeFlags flags) {
            assertThat(orders.place(LARGE).shippingCents()).isZero();
            assertThat(orders.place(SMALL).shippingCents()).isEqualTo(OrderService.SHIPPING_CENTS);
            assertThat(flags).evaluatedTimes("free-shipping", 2).evaluatedAtSingleSite("free-shipping");
        }

        @Test
        @WithFlag(name = "free-shipping", enabled = false)
        @DisplayName("OFF: every order pays shipping")
        void alwaysCharged() {
            assertThat(orders.place(LARGE).shippingCents()).isEqualTo(OrderService.SHIPPING_CENTS);
        }
    }
}
