package io.github.flagtest.core;

/**
 * The smallest flag-reading interface: what business code can depend on so that tests hand it a
 * {@link FakeFlags}.
 *
 * <pre>{@code
 * class OrderService {
 *     private final FlagReader flags;
 *     void place(Order order) {
 *         if (flags.isEnabled("loyalty-points")) {
 *             loyalty.award(order);
 *         }
 *     }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface FlagReader {

    /**
     * Whether {@code flag} is ON.
     *
     * @param flag the flag name
     * @return whether the flag is ON
     */
    boolean isEnabled(String flag);
}
