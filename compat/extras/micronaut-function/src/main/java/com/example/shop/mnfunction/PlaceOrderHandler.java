package com.example.shop.mnfunction;

import com.example.shop.OrderService;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import java.util.Map;

/** The Lambda handler: Micronaut starts its context and injects the service. */
public class PlaceOrderHandler extends MicronautRequestHandler<Map<String, Object>, Map<String, Object>> {

    @Inject
    OrderService orders;

    @Override
    public Map<String, Object> execute(Map<String, Object> order) {
        return Map.of("points", orders.place(String.valueOf(order.get("customer")), ((Number) order.get("amount")).longValue()));
    }
}
