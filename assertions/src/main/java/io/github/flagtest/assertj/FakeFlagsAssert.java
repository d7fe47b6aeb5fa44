package io.github.flagtest.assertj;

import io.github.flagtest.core.Evaluation;
import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.Serve;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the reads a {@link FakeFlags} recorded; get one from {@link
 * FlagAssertions#assertThat(FakeFlags)}.
 *
 * <pre>{@code
 * assertThat(flags).evaluated("loyalty-points")
 *                  .evaluatedAtSingleSite("loyalty-points")
 *                  .neverEvaluated("free-shipping");
 * }</pre>
 *
 * @since 0.1.0
 */
public class FakeFlagsAssert extends AbstractAssert<FakeFlagsAssert, FakeFlags> {

    /**
     * Asserts on the reads recorded by {@code flags}.
     *
     * @param flags the fake whose reads are asserted on
     */
    public FakeFlagsAssert(FakeFlags flags) {
        super(flags, FakeFlagsAssert.class);
    }

    /**
     * Passes if {@code flag} was read at least once.
     *
     * <pre>{@code
     * assertThat(flags).evaluated("loyalty-points"); // fails: "Expecting flag "loyalty-points" to be evaluated but it was never read"
     * }</pre>
     *
     * @param flag the flag name
     * @return {@code this} assertion object
     */
    public FakeFlagsAssert evaluated(String flag) {
        isNotNull();
        Objects.requireNonNull(flag, "flag");
        if (actual.evaluations(flag).isEmpty()) {
            onlyServed(flag);
            String read = actual.evaluations().stream()
                    .map(Evaluation::flag)
                    .distinct()
                    .toList()
                    .toString();
            throwAssertionError(ShouldBeEvaluated.shouldHaveEvaluated(flag, read, state()));
        }
        return myself;
    }

    /**
     * Passes if {@code flag} was never read; otherwise lists where it was.
     *
     * @param flag the flag name
     * @return {@code this} assertion object
     */
    public FakeFlagsAssert neverEvaluated(String flag) {
        isNotNull();
        Objects.requireNonNull(flag, "flag");
        List<Evaluation> reads = actual.evaluations(flag);
        if (!reads.isEmpty()) {
            throwAssertionError(ShouldBeEvaluated.shouldNotHaveEvaluated(flag, reads.size(), sites(reads), state()));
        }
        return myself;
    }

    /**
     * Passes if {@code flag} was read exactly {@code times} times.
     *
     * @param flag the flag name
     * @param times the expected number of reads
     * @return {@code this} assertion object
     */
    public FakeFlagsAssert evaluatedTimes(String flag, int times) {
        isNotNull();
        Objects.requireNonNull(flag, "flag");
        List<Evaluation> reads = actual.evaluations(flag);
        if (reads.isEmpty() && times > 0) {
            onlyServed(flag);
        }
        if (reads.size() != times) {
            throwAssertionError(
                    ShouldBeEvaluated.shouldHaveEvaluatedTimes(flag, times, reads.size(), sites(reads), state()));
        }
        return myself;
    }

    /**
     * Passes if some read of {@code flag} carried {@code key=value} in its evaluation context.
     *
     * <pre>{@code
     * assertThat(flags).evaluatedWithContext("dynamic-discount", "targetingKey", "user-7");
     * }</pre>
     *
     * @param flag the flag name
     * @param key the context key
     * @param value the value the context holds under {@code key}
     * @return {@code this} assertion object
     */
    public FakeFlagsAssert evaluatedWithContext(String flag, String key, Object value) {
        isNotNull();
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(key, "key");
        List<Evaluation> reads = actual.evaluations(flag);
        if (reads.isEmpty()) {
            return evaluated(flag);
        }
        boolean found = reads.stream()
                .anyMatch(read -> read.context().containsKey(key)
                        && Objects.equals(read.context().get(key), value));
        if (!found) {
            throwAssertionError(ShouldBeEvaluated.shouldHaveEvaluatedWithContext(flag, key, value, contexts(reads)));
        }
        return myself;
    }

    /**
     * Passes if some read of {@code flag} carried every entry of {@code context}. Fails listing the
     * contexts the code passed; if it passed none, says so: the usual targeting bug.
     *
     * <pre>{@code
     * assertThat(flags).evaluatedWithContext("checkout", Map.of("userId", "42", "tier", "gold"));
     * }</pre>
     *
     * @param flag the flag name
     * @param context the entries one read's context must hold
     * @return {@code this} assertion object
     * @since 0.1.0
     */
    public FakeFlagsAssert evaluatedWithContext(String flag, Map<String, ?> context) {
        isNotNull();
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(context, "context");
        List<Evaluation> reads = actual.evaluations(flag);
        if (reads.isEmpty()) {
            return evaluated(flag);
        }
        boolean found = reads.stream()
                .anyMatch(read -> context.entrySet().stream()
                        .allMatch(entry -> read.context().containsKey(entry.getKey())
                                && Objects.equals(read.context().get(entry.getKey()), entry.getValue())));
        if (!found) {
            boolean none = reads.stream().allMatch(read -> read.context().isEmpty());
            throwAssertionError(ShouldBeEvaluated.shouldHaveEvaluatedWithContext(
                    flag, context.toString().replace("%", "%%"), contexts(reads), none));
        }
        return myself;
    }

    /**
     * Passes if some read of {@code flag} was served {@code variant} (a multi-variant flag's rules
     * picked it, or the test pinned it). Fails listing the variants served and the contexts that
     * got them.
     *
     * <pre>{@code
     * assertThat(flags).servedVariant("checkout", "BetaUsers");
     * }</pre>
     *
     * @param flag the flag name
     * @param variant the variant name
     * @return {@code this} assertion object
     * @since 0.1.0
     */
    public FakeFlagsAssert servedVariant(String flag, String variant) {
        isNotNull();
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(variant, "variant");
        List<Evaluation> reads = actual.evaluations(flag);
        if (reads.isEmpty()) {
            return evaluated(flag);
        }
        if (reads.stream().noneMatch(read -> variant.equals(read.variant()))) {
            String served = reads.stream()
                    .map(read -> ("  - " + (read.variant() == null ? "no variant (an on/off flag)" : read.variant())
                                    + " for context " + read.context() + " at " + read.site())
                            .replace("%", "%%"))
                    .distinct()
                    .collect(Collectors.joining("%n"));
            throwAssertionError(ShouldBeEvaluated.shouldHaveServedVariant(flag, variant, served));
        }
        return myself;
    }

    /**
     * Passes if every read of {@code flag} came from one source line (a loop reading it many times
     * is one site): the feature has a single point of execution. Fails listing every distinct
     * file:line otherwise, and fails if the flag was never read.
     *
     * <pre>{@code
     * assertThat(flags).evaluatedAtSingleSite("loyalty-points");
     * }</pre>
     *
     * @param flag the flag name
     * @return {@code this} assertion object
     */
    public FakeFlagsAssert evaluatedAtSingleSite(String flag) {
        evaluated(flag);
        Map<String, Long> sites = countBySite(actual.evaluations(flag));
        if (sites.size() > 1) {
            String list = sites.entrySet().stream()
                    .map(site -> "  - " + site.getKey() + " (" + site.getValue()
                            + (site.getValue() == 1 ? " read)" : " reads)"))
                    .collect(Collectors.joining("%n"));
            throwAssertionError(ShouldBeReadAtSingleSite.shouldBeReadAtSingleSite(flag, sites.size(), list, state()));
        }
        return myself;
    }

    /** Fails saying so if {@code flag} was served in whole documents but never read by name. */
    private void onlyServed(String flag) {
        List<Serve> serves = actual.serves().stream()
                .filter(serve -> serve.flags().contains(flag))
                .toList();
        if (!serves.isEmpty()) {
            String where = serves.stream()
                    .map(serve -> ("  - " + serve.operation() + " of " + serve.source()).replace("%", "%%"))
                    .distinct()
                    .collect(Collectors.joining("%n"));
            throwAssertionError(ShouldBeEvaluated.shouldHaveEvaluatedNotJustServed(flag, serves.size(), where));
        }
    }

    private static String contexts(List<Evaluation> reads) {
        return reads.stream()
                .map(read -> ("  - " + read.context() + " at " + read.site()).replace("%", "%%"))
                .distinct()
                .collect(Collectors.joining("%n"));
    }

    private String state() {
        return actual.state().toString();
    }

    private static String sites(List<Evaluation> reads) {
        return countBySite(reads).entrySet().stream()
                .map(site -> "  - " + site.getKey() + " (" + site.getValue() + ")")
                .collect(Collectors.joining("%n"));
    }

    /** Sites as keys, with any '%' escaped for the message format. */
    private static Map<String, Long> countBySite(List<Evaluation> reads) {
        return reads.stream()
                .collect(Collectors.groupingBy(FakeFlagsAssert::site, LinkedHashMap::new, Collectors.counting()));
    }

    private static String site(Evaluation read) {
        StackTraceElement frame = read.callSite();
        String site = frame.getLineNumber() < 0
                ? read.site()
                : frame.getClassName() + "." + frame.getMethodName() + "(" + read.site() + ")";
        return site.replace("%", "%%");
    }
}
