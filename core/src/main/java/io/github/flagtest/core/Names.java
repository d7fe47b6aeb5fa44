package io.github.flagtest.core;

/**
 * How far apart two flag names are, for "did you mean" hints and typo checks. Internal to flagtest
 * (public for its JUnit extension); not API.
 */
public final class Names {

    private Names() {}

    /**
     * The Levenshtein distance of {@code a} and {@code b}: insertions, deletions and substitutions.
     *
     * @param a one name
     * @param b the other name
     * @return the number of edits from {@code a} to {@code b}
     */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
