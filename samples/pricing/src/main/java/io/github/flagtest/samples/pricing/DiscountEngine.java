package io.github.flagtest.samples.pricing;

/** Computes personal discounts: the entry point of the "dynamic-discount" feature. */
public class DiscountEngine {

    public DiscountEngine() {}

    /** The discount for this customer, in cents. */
    public long discountCents(String tier, long basePriceCents) {
        return "gold".equals(tier) ? basePriceCents / 10 : 0;
    }
}
