package com.example.shop.quarkus;

import com.example.shop.Features;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The service bean: awards loyalty points behind the flag, and once (a bug) without asking it. */
@ApplicationScoped
public class Checkout {

    @Inject
    Features features;

    @Inject
    Loyalty loyalty;

    public long place(String customer, long amount) {
        if (features.isEnabled("loyalty-points")) {
            return loyalty.award(customer, amount);
        }
        return 0;
    }

    /** Forgets the flag: the call flagtest must catch. */
    public long rush(String customer, long amount) {
        return loyalty.award(customer, amount);
    }
}
