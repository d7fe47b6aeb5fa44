package com.example.shop.micronaut;

import com.example.shop.Features;
import com.example.shop.LoyaltyLedger;
import com.example.shop.OrderService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The shop as Micronaut beans: the flag client, the ledger and the service. */
@Factory
public class ShopFactory {

    @Singleton
    Features features() {
        return flag -> {
            throw new IllegalStateException("Unable to load credentials from any of the providers in the chain");
        };
    }

    @Singleton
    LoyaltyLedger loyaltyLedger() {
        return new LoyaltyLedger();
    }

    @Singleton
    OrderService orderService(Features features, LoyaltyLedger ledger) {
        return new OrderService(features, ledger);
    }
}
