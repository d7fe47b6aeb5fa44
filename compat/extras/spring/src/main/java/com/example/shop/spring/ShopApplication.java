package com.example.shop.spring;

import com.example.shop.Features;
import com.example.shop.LoyaltyLedger;
import com.example.shop.OrderService;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The shop as a Spring Boot application: the flag client, the service and the ledger are beans. */
@SpringBootApplication
public class ShopApplication {

    @Bean
    Features features() {
        return flag -> {
            throw new IllegalStateException("Unable to load credentials from any of the providers in the chain");
        };
    }

    @Bean
    LoyaltyLedger loyaltyLedger() {
        return new LoyaltyLedger();
    }

    @Bean
    OrderService orderService(Features features, LoyaltyLedger ledger) {
        return new OrderService(features, ledger);
    }
}
