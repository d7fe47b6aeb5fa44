package io.github.flagtest.benchmarks;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.core.Variants;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cost of targeting: 10,000 reads of a multi-variant flag with a context (its rules evaluated)
 * against 10,000 reads without one (the default variant, no rule evaluated), each read recorded as
 * in a test. 21 alternating timed rounds after 8 warm-up rounds; medians.
 */
public final class TargetingBenchmark {

    static final int READS = 10_000;
    static final int WARMUP = 8;
    static final int ROUNDS = 21;

    static final Variants CHECKOUT = Variants.of(List.of(
            new Variants.Variant(
                    "Gold",
                    true,
                    Optional.of("(and (eq $tier \"gold\") (ends_with $email \"@example.com\"))"),
                    Map.of()),
            new Variants.Variant("Beta", true, Optional.of("(split by::$userId pct::20)"), Map.of()),
            new Variants.Variant("Default", false, Optional.empty(), Map.of())));

    public static void main(String[] args) {
        long[] with = new long[ROUNDS];
        long[] without = new long[ROUNDS];
        for (int round = -WARMUP; round < ROUNDS; round++) {
            long a = run(true);
            long b = run(false);
            if (round >= 0) {
                with[round] = a;
                without[round] = b;
            }
        }
        Arrays.sort(with);
        Arrays.sort(without);
        long medianWith = with[ROUNDS / 2];
        long medianWithout = without[ROUNDS / 2];
        System.out.printf("flagtest targeting: %,d reads of a 3-variant flag, median of %d rounds%n", READS, ROUNDS);
        System.out.printf(
                "  with context (rules evaluated): %.2f ms (%.0f ns per read)%n",
                medianWith / 1e6, medianWith / (double) READS);
        System.out.printf(
                "  without context (default variant): %.2f ms (%.0f ns per read)%n",
                medianWithout / 1e6, medianWithout / (double) READS);
        System.out.printf("  ratio with/without: %.2f%n", medianWith / (double) medianWithout);
    }

    private static long run(boolean withContext) {
        FakeFlags flags = new FakeFlags(FlagState.of(Map.of("checkout", CHECKOUT)));
        List<Map<String, String>> contexts = List.of(
                Map.of("tier", "gold", "email", "ana@example.com", "userId", "u-1"),
                Map.of("tier", "silver", "email", "bo@other.org", "userId", "u-2"),
                Map.of("tier", "silver", "email", "cy@other.org", "userId", "u-3"));
        long start = System.nanoTime();
        int on = 0;
        for (int i = 0; i < READS; i++) {
            boolean enabled = withContext
                    ? flags.isEnabled("checkout", contexts.get(i % contexts.size()))
                    : flags.isEnabled("checkout");
            on += enabled ? 1 : 0;
        }
        long elapsed = System.nanoTime() - start;
        if (on < 0) {
            throw new AssertionError(); // keeps the reads alive
        }
        return elapsed;
    }
}
