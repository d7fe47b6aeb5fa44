package io.github.flagtest.samples.pricing;

import static io.github.flagtest.assertj.FlagAssertions.assertThatFeature;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.FlagMatrix;

/**
 * The handler exactly as the Lambda runtime builds it: the no-arg constructor creates its own
 * {@link DiscountEngine} and OpenFeature client, so nothing can be injected. The entry point is
 * declared by type; flagtest sees the calls on the engine the handler built, and the real engine
 * computes the discount.
 */
@FeatureEntryPoint(
        value = "dynamic-discount",
        type = DiscountEngine.class,
        methods = "discountCents",
        expectWhenEnabled = true)
class PricingRuntimeConstructorTest {

    @FlagMatrix("dynamic-discount")
    void quotesWithTheRuntimesOwnCollaborators(FlagState state) {
        Quote quote = new PricingHandler().handleRequest(PricingHandlerTest.GOLD, null);

        assertThat(quote.discountCents()).isEqualTo(state.isOn("dynamic-discount") ? 690 : 0);
        assertThatFeature("dynamic-discount").wasInvokedOnlyWhenEnabled();
    }
}
