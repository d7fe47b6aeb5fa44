package com.example.shop.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.Features;
import com.example.shop.OrderService;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FlagClient;
import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.junit.WithFlag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Spring's mock bean, programmed by flagtest: the service the context built answers from the pins. */
@SpringBootTest
class MockitoBeanFlagClientTest {

    @MockitoBean
    @FlagClient
    Features features;

    @Autowired
    OrderService orders;

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
