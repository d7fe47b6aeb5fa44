package com.example.shop.mnfunction;

import com.example.shop.Features;
import com.example.shop.LoyaltyLedger;
import com.example.shop.OrderService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The shop as Micronaut beans; the flag client reads the function's environment (FEATURE_LOYALTY_POINTS). */
@Factory
public class ShopBeans {

    @Singleton
    Features features() {
        return flag -> Boolean.parseBoolean(System.getenv("FEATURE_" + flag.toUpperCase().replace('-', '_')));
    }

    @Singleton
    OrderService orderService(Features features) {
        return new OrderService(features, new LoyaltyLedger());
    }
}
