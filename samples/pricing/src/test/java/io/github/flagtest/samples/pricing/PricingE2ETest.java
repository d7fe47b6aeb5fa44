package io.github.flagtest.samples.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.e2e.DeployedFunction;
import io.github.flagtest.e2e.InvocationResult;
import io.github.flagtest.e2e.LambdaE2E;
import io.github.flagtest.junit.FlagMatrix;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deployed function picks the AppConfig agent provider at start-up: it has the AppConfig extension. */
@LambdaE2E(
        handler = "io.github.flagtest.samples.pricing.PricingHandler::handleRequest",
        flags = "flags/prod.json",
        environment = "PRICING_FLAG_PROVIDER=appconfig-agent",
        layers = LambdaE2E.APPCONFIG_EXTENSION)
@FlagMatrix(strategy = FlagMatrix.Strategy.ONE_AT_A_TIME)
class PricingE2ETest {

    @Test
    void quotesAPrice(DeployedFunction pricing) {
        InvocationResult result =
                pricing.invoke(Map.of("sku", "KETTLE-9", "customerId", "c-42", "tier", "gold", "basePriceCents", 6900));

        assertThat(result.functionError()).as(result.payload()).isNull();
        Map<?, ?> quote = result.payload(Map.class);
        long expected = pricing.flags().current().isOn("dynamic-discount") ? 6210 : 6900;
        assertThat(((Number) quote.get("priceCents")).longValue()).isEqualTo(expected);
    }
}
