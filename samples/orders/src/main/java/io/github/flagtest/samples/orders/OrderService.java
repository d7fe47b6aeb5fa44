package io.github.flagtest.samples.orders;

/** Prices an order. Each feature sits behind one {@code if}: its single point of execution. */
public final class OrderService {

    static final long SHIPPING_CENTS = 499;
    static final long FREE_SHIPPING_FROM_CENTS = 5_000;

    private final Features features;
    private final LoyaltyService loyalty;

    public OrderService(Features features, LoyaltyService loyalty) {
        this.features = features;
        this.loyalty = loyalty;
    }

    public Receipt place(Order order) {
        long subtotal = order.subtotalCents();
        long shipping = SHIPPING_CENTS;
        if (features.isEnabled("free-shipping") && subtotal >= FREE_SHIPPING_FROM_CENTS) {
            shipping = 0;
        }
        long points = 0;
        if (features.isEnabled("loyalty-points")) {
            points = loyalty.award(order.customerId(), subtotal / 100);
        }
        return new Receipt(order.customerId(), subtotal, shipping, subtotal + shipping, points);
    }
}
