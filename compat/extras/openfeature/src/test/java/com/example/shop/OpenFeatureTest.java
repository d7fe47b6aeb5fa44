package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FlagMatrix;
import org.junit.jupiter.api.Test;

/** Code that reads the global OpenFeature API answers from each test's flags. */
class OpenFeatureTest {

    @FlagMatrix("loyalty-points")
    void globalApi(FlagState state) {
        Client client = OpenFeatureAPI.getInstance().getClient();

        assertEquals(state.isOn("loyalty-points"), client.getBooleanValue("loyalty-points", false));
    }
}
