package io.github.flagtest.samples.pricing;

/** A price quote request and its answer. */
public record Quote(
        String sku, String customerId, String tier, long basePriceCents, long priceCents, long discountCents) {}
