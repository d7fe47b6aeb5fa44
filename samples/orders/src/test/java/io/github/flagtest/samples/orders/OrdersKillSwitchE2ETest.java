package io.github.flagtest.samples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.github.flagtest.e2e.DeployedFunction;
import io.github.flagtest.e2e.InvocationResult;
import io.github.flagtest.e2e.LambdaE2E;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The kill-switch drill on the deployed function: flip loyalty-points in AppConfig and invoke until
 * the function shows it. The function polls AppConfig every 15 s (the shortest interval AWS
 * allows), so a flip takes up to that long: the drill's time-to-visible says how long yours takes.
 */
@LambdaE2E(handler = "io.github.flagtest.samples.orders.OrderHandler::handleRequest", flags = "flags/prod.json")
class OrdersKillSwitchE2ETest {

    static APIGatewayProxyRequestEvent event(String name) {
        return OrdersE2ETest.event(name);
    }

    @Test
    void killSwitchDrill(DeployedFunction orders) {
        orders.flags().enable("loyalty-points");
        orders.invokeUntil(
                event("large-order"), r -> r.payload().contains("\\\"loyaltyPoints\\\":119"), Duration.ofSeconds(30));

        orders.flags().disable("loyalty-points");
        InvocationResult off = orders.invokeUntil(
                event("large-order"), r -> r.payload().contains("\\\"loyaltyPoints\\\":0"), Duration.ofSeconds(30));
        assertThat(off.functionError()).isNull();
    }
}
