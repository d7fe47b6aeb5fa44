package com.example.shop.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.shop.Features;
import com.example.shop.LoyaltyLedger;
import com.example.shop.OrderService;
import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.junit.WithFlag;
import io.github.flagtest.spring.FlagClientBean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** One flag client bean for every test: one cached context serves pins and matrix runs. */
@SpringBootTest
@FeatureEntryPoint(value = "loyalty-points", type = LoyaltyLedger.class, methods = "award")
class FlagClientBeanTest {

    @FlagClientBean
    Features features;

    @Autowired
    Features bean;

    @Autowired
    OrderService orders;

    @Test
    @WithFlag(name = "loyalty-points", enabled = true)
    void awardsWhenOn(FakeFlags flags) {
        assertThat(features).isSameAs(bean);
        assertThat(orders.place("c-1", 120)).isEqualTo(12);
        assertThat(flags.evaluations().get(0).callSite().getClassName()).isEqualTo(OrderService.class.getName());
    }

    @Test
    @WithFlag(name = "loyalty-points", enabled = false)
    void noAwardWhenOff() {
        assertThat(orders.place("c-1", 120)).isZero();
    }

    @FlagMatrix("loyalty-points")
    void everyState(FlagState state) {
        assertThat(orders.place("c-1", 120)).isEqualTo(state.isOn("loyalty-points") ? 12 : 0);
    }
}
