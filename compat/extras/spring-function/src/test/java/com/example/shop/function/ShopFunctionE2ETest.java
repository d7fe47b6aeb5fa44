package com.example.shop.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.example.shop.LoyaltyLedger;
import io.github.flagtest.e2e.DeployedFunction;
import io.github.flagtest.e2e.InvocationResult;
import io.github.flagtest.e2e.LambdaE2E;
import io.github.flagtest.junit.FlagMatrix;
import org.junit.jupiter.api.Test;

/** The README's Spring Cloud Function recipe: FunctionInvoker, MAIN_CLASS, the function's bean; both flag states. */
@LambdaE2E(
        handler = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest",
        flags = "flags/shop.json",
        environment = {"MAIN_CLASS=com.example.shop.function.ShopFunctions", "SPRING_CLOUD_FUNCTION_DEFINITION=placeOrder"},
        timeoutSeconds = 60)
@FlagMatrix(strategy = FlagMatrix.Strategy.ONE_AT_A_TIME)
class ShopFunctionE2ETest {

    @Test
    void placesAnOrder(DeployedFunction shop) {
        InvocationResult result = shop.invoke("{\"customer\":\"c-1\",\"amount\":12}");

        assertNull(result.functionError(), result::logTail);
        long expected = shop.flags().current().isOn("loyalty-points") ? new LoyaltyLedger().award("c-1", 12) : 0;
        assertEquals("{\"points\":" + expected + "}", result.payload().replace(" ", ""), result::logTail);
    }
}
