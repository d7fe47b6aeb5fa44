package com.example.shop.function;

import com.example.shop.Features;
import com.example.shop.LoyaltyLedger;
import com.example.shop.OrderService;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The shop as a Spring Cloud Function Lambda: Spring's FunctionInvoker runs the placeOrder bean; the
 * flag client bean reads the function's environment (one variable per flag, FEATURE_LOYALTY_POINTS).
 */
@SpringBootApplication
public class ShopFunctions {

    @Bean
    Features features() {
        return flag -> Boolean.parseBoolean(System.getenv("FEATURE_" + flag.toUpperCase().replace('-', '_')));
    }

    @Bean
    OrderService orderService(Features features) {
        return new OrderService(features, new LoyaltyLedger());
    }

    @Bean
    Function<Map<String, Object>, Map<String, Object>> placeOrder(OrderService orders) {
        return order -> Map.of("points", orders.place(String.valueOf(order.get("customer")),
                ((Number) order.get("amount")).longValue()));
    }
}
