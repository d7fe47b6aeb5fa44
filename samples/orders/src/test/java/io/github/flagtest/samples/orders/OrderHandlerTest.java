package io.github.flagtest.samples.orders;

import static io.github.flagtest.assertj.FlagAssertions.assertThatFeature;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.FlagClient;
import io.github.flagtest.junit.FlagMatrix;

/**
 * The handler as the runtime builds it: it creates its own {@link LoyaltyLedger}, so there is no
 * field to put a mock in. The entry point is declared by type instead; flagtest sees every call to
 * {@code LoyaltyLedger.award}, on the instance the handler built, and the real ledger still runs.
 */
@FeatureEntryPoint(value = "loyalty-points", type = LoyaltyLedger.class, methods = "award", expectWhenEnabled = true)
class OrderHandlerTest {

    @FlagClient
    Features features;

    @FlagMatrix("loyalty-points")
    void creditsPointsOnlyWhenOn(FlagState state) {
        APIGatewayProxyRequestEvent event = EventLoader.loadApiGatewayRestEvent("events/orders/large-order.json");

        APIGatewayProxyResponseEvent response = new OrderHandler(features).handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        // the real ledger ran: 1 point per euro of the 119.00 subtotal
        assertThat(response.getBody()).contains("\"loyaltyPoints\":" + (state.isOn("loyalty-points") ? 119 : 0));
        assertThatFeature("loyalty-points").wasInvokedOnlyWhenEnabled();
    }
}
