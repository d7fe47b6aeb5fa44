package io.github.flagtest.samples.orders;

import java.util.List;

/** A customer's order. */
public record Order(String customerId, List<Line> lines) {

    /** One product line. */
    public record Line(String sku, int quantity, long priceCents) {}

    public long subtotalCents() {
        return lines.stream()
                .mapToLong(line -> line.priceCents() * line.quantity())
                .sum();
    }
}
