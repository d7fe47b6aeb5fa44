package com.example.shop.micronaut;

import static org.mockito.Mockito.mock;

import com.example.shop.Features;
import com.example.shop.LoyaltyLedger;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.FlagClient;
import io.github.flagtest.junit.WithFlag;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * Meant to fail (the case ignores test failures and checks the message): the feature's entry point,
 * Micronaut's LoyaltyLedger bean, is called while loyalty-points is OFF, through the RushService bean.
 */
@MicronautTest
@FeatureEntryPoint(value = "loyalty-points", type = LoyaltyLedger.class, methods = "award")
class OffCallTest {

    @Inject
    @FlagClient
    Features features;

    @Inject
    RushService rush;

    @MockBean(Features.class)
    Features mockFeatures() {
        return mock(Features.class);
    }

    @Test
    @WithFlag(name = "loyalty-points", enabled = false)
    void rushOrderWhileOff() {
        features.isEnabled("loyalty-points");
        rush.rush("c-1", 120);
    }
}
