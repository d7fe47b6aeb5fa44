package com.example.shop.quarkus;

import jakarta.enterprise.context.ApplicationScoped;

/** The loyalty feature's bean: its entry point is {@link #award}. */
@ApplicationScoped
public class Loyalty {

    public long award(String customer, long amount) {
        return amount / 10;
    }
}
