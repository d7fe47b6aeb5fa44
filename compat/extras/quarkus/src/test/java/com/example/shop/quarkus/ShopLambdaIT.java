package com.example.shop.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.e2e.DeployedFunction;
import io.github.flagtest.e2e.InvocationResult;
import io.github.flagtest.e2e.LambdaE2E;
import io.github.flagtest.junit.FlagMatrix;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Quarkus function end to end, from the target/function.zip that mvn package built (flagtest
 * finds it), with each flag state in its environment (flagtest.e2e.flagStore=env).
 */
@LambdaE2E(handler = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest", flags = "flags/shop.json")
@FlagMatrix
class ShopLambdaIT {

    @Test
    void placesAnOrder(DeployedFunction shop) {
        InvocationResult result = shop.invoke(Map.of("customer", "c-1", "amount", 120));

        assertThat(result.functionError()).as(result.payload()).isNull();
        assertThat(result.payload()).isEqualTo(shop.flags().current().isOn("loyalty-points") ? "12" : "0");
    }
}
