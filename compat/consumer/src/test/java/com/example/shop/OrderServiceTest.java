package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.FlagClient;
import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.junit.WithFlag;
import org.junit.jupiter.api.Test;

/** The plain annotations: they work on every supported JUnit (5.10+). */
class OrderServiceTest {

    @FlagClient
    Features features;

    @FeatureEntryPoint("loyalty-points")
    LoyaltyLedger ledger;

    @Test
    @WithFlag(name = "loyalty-points", enabled = true)
    void awardsPointsWhenOn() {
        new OrderService(features, ledger).place("ana", 100);

        verify(ledger).award("ana", 100);
    }

    @Test
    @WithFlag(name = "loyalty-points", enabled = false)
    void awardsNothingWhenOff() {
        assertEquals(0, new OrderService(features, ledger).place("ana", 100));
    }

    @FlagMatrix("loyalty-points")
    void bothStates(FlagState state) {
        new OrderService(features, ledger).place("bo", 50);

        verify(ledger, times(state.isOn("loyalty-points") ? 1 : 0)).award(eq("bo"), anyLong());
    }

    @Test
    @WithFlag(name = "loyalty-points", enabled = true)
    void fakeFlags(FakeFlags flags) {
        assertTrue(flags.isEnabled("loyalty-points"));
        assertEquals(1, flags.evaluations("loyalty-points").size());
    }
}
