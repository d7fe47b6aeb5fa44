package com.example.shop.micronaut;

import com.example.shop.LoyaltyLedger;
import jakarta.inject.Singleton;

/** A rush order path that forgot the flag: it awards loyalty points whatever the flag says. */
@Singleton
public class RushService {

    private final LoyaltyLedger ledger;

    public RushService(LoyaltyLedger ledger) {
        this.ledger = ledger;
    }

    public long rush(String customer, long amount) {
        return ledger.award(customer, amount);
    }
}
