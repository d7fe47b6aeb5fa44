package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FlagMatrix;
import org.junit.jupiter.api.Test;

/** A class-level matrix: JUnit 5.13+ runs it twice; older JUnit fails it with flagtest's message. */
@FlagMatrix("loyalty-points")
class ClassMatrixTest {

    @Test
    void readsItsRun(FakeFlags flags, FlagState state) {
        assertEquals(state.isOn("loyalty-points"), flags.isEnabled("loyalty-points"));
    }

    @Test
    void secondTest(FakeFlags flags) {
        flags.isEnabled("loyalty-points");
    }
}
