package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.FlagClient;
import io.github.flagtest.junit.FlagMatrix;

/** An entry point the code under test constructs itself: declared by type, seen by instrumentation. */
@FeatureEntryPoint(value = "loyalty-points", type = LoyaltyLedger.class, methods = "award", expectWhenEnabled = true)
class CheckoutHandlerTest {

    @FlagClient
    Features features;

    @FlagMatrix("loyalty-points")
    void bothStates(FlagState state) {
        long points = new CheckoutHandler(features).handle("ana", 100);

        assertEquals(state.isOn("loyalty-points") ? 10 : 0, points);
    }
}
