package io.github.flagtest.samples.orders;

/** What the customer pays and earns. */
public record Receipt(String customerId, long subtotalCents, long shippingCents, long totalCents, long loyaltyPoints) {}
