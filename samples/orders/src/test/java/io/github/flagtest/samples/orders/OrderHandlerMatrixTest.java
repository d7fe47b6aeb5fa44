package io.github.flagtest.samples.orders;

import static io.github.flagtest.assertj.FlagAssertions.assertThat;
import static io.github.flagtest.assertj.FlagAssertions.assertThatFeature;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.FlagClient;
import io.github.flagtest.junit.FlagMatrix;
import org.junit.jupiter.params.ParameterizedTest;

/** Every API Gateway event file, in every combination of the two flags (4 runs x 2 events). */
@FlagMatrix({"loyalty-points", "free-shipping"})
class OrderHandlerMatrixTest {

    @FlagClient
    Features features;

    @FeatureEntryPoint("loyalty-points")
    LoyaltyService loyalty;

    @ParameterizedTest(name = "event {index}")
    @Events(folder = "events/orders", type = APIGatewayProxyRequestEvent.class)
    void placesEveryOrder(APIGatewayProxyRequestEvent event, FlagState state, FakeFlags flags) {
        APIGatewayProxyResponseEvent response =
                new OrderHandler(new OrderService(features, loyalty)).handleRequest(event, null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getBody()).contains("\"totalCents\"");
        assertThatFeature("loyalty-points").wasInvokedOnlyWhenEnabled();
        assertThat(flags).evaluatedAtSingleSite("loyalty-points").evaluatedAtSingleSite("free-shipping");
        if (!state.isOn("free-shipping")) {
            assertThat(response.getBody()).contains("\"shippingCents\":499");
        }
    }
}
