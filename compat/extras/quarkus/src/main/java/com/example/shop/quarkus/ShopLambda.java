package com.example.shop.quarkus;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import jakarta.inject.Inject;
import java.util.Map;

/** The function: QuarkusStreamHandler hands each event to this bean. */
public class ShopLambda implements RequestHandler<Map<String, Object>, Long> {

    @Inject
    Checkout checkout;

    @Override
    public Long handleRequest(Map<String, Object> order, Context context) {
        return checkout.place(String.valueOf(order.get("customer")), ((Number) order.get("amount")).longValue());
    }
}
