package io.github.flagtest.samples.pricing;

import static io.github.flagtest.assertj.FlagAssertions.assertThatFeature;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.FlagMatrix;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;

/** Every quote event, with dynamic-discount OFF and ON. */
@FlagMatrix("dynamic-discount")
class PricingMatrixTest {

    @FeatureEntryPoint("dynamic-discount")
    DiscountEngine discounts;

    @ParameterizedTest
    @Events(folder = "events/quotes", type = Map.class)
    void quotesEveryCustomer(Map<String, Object> request, FlagState state) {
        Quote quote = new PricingHandler(OpenFeatureAPI.getInstance().getClient("pricing"), discounts)
                .handleRequest(request, null);

        assertThat(quote.priceCents()).isLessThanOrEqualTo(quote.basePriceCents());
        if (!state.isOn("dynamic-discount")) {
            assertThat(quote.priceCents()).isEqualTo(quote.basePriceCents());
        }
        assertThatFeature("dynamic-discount").wasInvokedOnlyWhenEnabled();
    }
}
