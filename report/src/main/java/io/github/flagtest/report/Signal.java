package io.github.flagtest.report;

/**
 * A reason to look at a flag, with its evidence. The first three make the flag a retirement
 * candidate; the others are hygiene warnings.
 *
 * @param code what kind of signal
 * @param evidence what in the records shows it
 * @since 0.1.0
 */
public record Signal(Code code, String evidence) {

    /** The kinds of signals. */
    public enum Code {
        /** ON in every profile document: remove the flag and its OFF branch. */
        ON_EVERYWHERE(true, "ON in every profile"),
        /** Declared but never read by the code under test. */
        NEVER_READ(true, "never read"),
        /** Marked with {@code _deprecation} in the catalog. */
        DEPRECATED(true, "deprecated"),
        /** Older than 90 days ({@code _createdAt}). */
        OLD(false, "old"),
        /** Read by the code but missing from the catalog. */
        NOT_IN_CATALOG(false, "not in catalog"),
        /** Tested in one state only. */
        ONE_STATE_ONLY(false, "one state tested"),
        /** Read from more than one source line: no single point of execution. */
        MULTIPLE_SITES(false, "read at several sites");

        private final boolean retirement;
        private final String label;

        Code(boolean retirement, String label) {
            this.retirement = retirement;
            this.label = label;
        }

        /** Whether this signal makes the flag a retirement candidate. */
        public boolean retirement() {
            return retirement;
        }

        /** A short label for the page. */
        public String label() {
            return label;
        }
    }
}
