package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FlagMatrix;

/** A method-level matrix inside a class-level one: 4 runs, each named by both flags in Surefire's XML. */
@FlagMatrix("loyalty-points")
class ClassAndMethodMatrixTest {

    @FlagMatrix("free-shipping")
    void bothLevels(FakeFlags flags, FlagState state) {
        assertEquals(state.isOn("loyalty-points"), flags.isEnabled("loyalty-points"));
        assertEquals(state.isOn("free-shipping"), flags.isEnabled("free-shipping"));
    }
}
