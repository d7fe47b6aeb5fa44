package com.example.shop;

/** A feature behind one if: the loyalty points of an order. */
public class OrderService {
    private final Features features;
    private final LoyaltyLedger ledger;

    public OrderService(Features features, LoyaltyLedger ledger) {
        this.features = features;
        this.ledger = ledger;
    }

    public long place(String customer, long amount) {
        if (features.isEnabled("loyalty-points")) {
            return ledger.award(customer, amount);
        }
        return 0;
    }
}
