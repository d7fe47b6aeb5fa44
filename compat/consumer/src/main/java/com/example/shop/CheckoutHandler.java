package com.example.shop;

/** A handler as real Lambdas are written: it builds its collaborators itself. */
public class CheckoutHandler {
    private final Features features;

    public CheckoutHandler(Features features) {
        this.features = features;
    }

    public long handle(String customer, long amount) {
        return new OrderService(features, new LoyaltyLedger()).place(customer, amount);
    }
}
