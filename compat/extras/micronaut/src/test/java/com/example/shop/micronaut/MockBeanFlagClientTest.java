package com.example.shop.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.example.shop.Features;
import com.example.shop.OrderService;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FlagClient;
import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.junit.WithFlag;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Micronaut's mock bean, programmed by flagtest: the service Micronaut built answers from the pins. */
@MicronautTest
class MockBeanFlagClientTest {

    @Inject
    @FlagClient
    Features features;

    @Inject
    OrderService orders;

    @MockBean(Features.class)
    Features mockFeatures() {
        return mock(Features.class);
    }

    @Test
    @WithFlag(name = "loyalty-points", enabled = true)
    void awardsWhenOn() {
        assertThat(orders.place("c-1", 120)).isEqualTo(12);
    }

    @FlagMatrix("loyalty-points")
    void everyState(FlagState state) {
        assertThat(orders.place("c-1", 120)).isEqualTo(state.isOn("loyalty-points") ? 12 : 0);
    }
}
