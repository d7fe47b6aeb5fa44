package com.example.shop.mnfunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.example.shop.LoyaltyLedger;
import io.github.flagtest.e2e.DeployedFunction;
import io.github.flagtest.e2e.InvocationResult;
import io.github.flagtest.e2e.LambdaE2E;
import io.github.flagtest.junit.FlagMatrix;
import org.junit.jupiter.api.Test;

/** The README's Micronaut recipe: a MicronautRequestHandler whose beans read the flags; both states. */
@LambdaE2E(
        handler = "com.example.shop.mnfunction.PlaceOrderHandler::handleRequest",
        flags = "flags/shop.json",
        timeoutSeconds = 60)
@FlagMatrix(strategy = FlagMatrix.Strategy.ONE_AT_A_TIME)
class PlaceOrderE2ETest {

    @Test
    void placesAnOrder(DeployedFunction shop) {
        InvocationResult result = shop.invoke("{\"customer\":\"c-1\",\"amount\":12}");

        assertNull(result.functionError(), result::logTail);
        long expected = shop.flags().current().isOn("loyalty-points") ? new LoyaltyLedger().award("c-1", 12) : 0;
        assertEquals("{\"points\":" + expected + "}", result.payload().replace(" ", ""), result::logTail);
    }
}
