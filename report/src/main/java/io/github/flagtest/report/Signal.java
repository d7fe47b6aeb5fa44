package io.github.flagtest.report;

/**
 * A reason to look at a flag, with its evidence. Those whose {@link Code#retirement()} is true make
 * the flag a retirement candidate; the others are hygiene warnings. The {@code DEPLOYED_*} and
 * {@code DRIFT} signals come from an inventory of what AWS AppConfig has deployed.
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
        /** ON in every deployed environment, unchanged for at least the inventory's {@code retireAfterDays}. */
        DEPLOYED_ON_EVERYWHERE(true, "ON in every deployed environment"),
        /** OFF in every deployed environment, unchanged for at least the inventory's {@code retireAfterDays}. */
        DEPLOYED_OFF_EVERYWHERE(true, "deployed OFF everywhere"),
        /** Known to the repository or the tests, but in no deployment the inventory read. */
        DEPLOYED_NOWHERE(true, "deployed nowhere"),
        /** Deployed, but no test read it. */
        DEPLOYED_NEVER_READ(false, "deployed, never read by a test"),
        /** The repository document mapped to an environment differs from what is deployed there. */
        DRIFT(false, "drift"),
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

        /**
         * Whether this signal makes the flag a retirement candidate.
         *
         * @return {@code true} for a retirement signal
         */
        public boolean retirement() {
            return retirement;
        }

        /**
         * A short label for the page.
         *
         * @return the label
         */
        public String label() {
            return label;
        }
    }
}
