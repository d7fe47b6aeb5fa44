package io.github.flagtest.report;

/**
 * How a recorded test ended, from its record's {@code result}.
 *
 * @since 0.1.0
 */
public enum Outcome {
    /** The test passed. */
    PASSED("passed"),
    /** The test failed (its own failure or flagtest's checks after it). */
    FAILED("failed"),
    /** The test was skipped or aborted (an assumption did not hold). */
    SKIPPED("skipped"),
    /** An E2E test failed where {@code @ExpectedMiss} said it would: aborted, not failing the build. */
    EXPECTED_MISS("expected miss"),
    /** An older record without a result. */
    UNKNOWN("no outcome recorded");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /**
     * A short label for the page.
     *
     * @return the label, e.g. {@code passed}
     */
    public String label() {
        return label;
    }

    /** The CSS class of this outcome on the page. */
    String css() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** {@code SUCCESSFUL}, {@code FAILED}, {@code ABORTED}, {@code EXPECTED_MISS} as the extension writes them. */
    static Outcome of(String result) {
        if (result == null) {
            return UNKNOWN;
        }
        return switch (result) {
            case "SUCCESSFUL" -> PASSED;
            case "FAILED" -> FAILED;
            case "ABORTED" -> SKIPPED;
            case "EXPECTED_MISS" -> EXPECTED_MISS;
            default -> UNKNOWN;
        };
    }

    /** Of one test seen in several profile runs, the outcome to show: a failure wins. */
    static Outcome worse(Outcome a, Outcome b) {
        return severity(b) > severity(a) ? b : a;
    }

    private static int severity(Outcome outcome) {
        return switch (outcome) {
            case FAILED -> 4;
            case EXPECTED_MISS -> 3;
            case SKIPPED -> 2;
            case UNKNOWN -> 1;
            case PASSED -> 0;
        };
    }
}
