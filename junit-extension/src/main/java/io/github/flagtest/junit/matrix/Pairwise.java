package io.github.flagtest.junit.matrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Pairwise covering arrays: every pair of values of every two flags appears in some run.
 *
 * <p>For on/off flags the optimum is known (Kleitman-Spencer, Katona): with N runs, at most
 * C(N-1, ceil(N/2)) flags can be covered, reached by giving run 1 every flag OFF and each flag a
 * distinct ceil(N/2)-subset of runs 2..N in which it is ON. Two distinct subsets of that size both
 * intersect (ON/ON) and differ (ON/OFF, OFF/ON); run 1 gives OFF/OFF. For variants, IPOG (Lei and
 * Tai's in-parameter-order greedy algorithm) is used.
 */
final class Pairwise {

    private Pairwise() {}

    /** The smallest N with C(N-1, ceil(N/2)) >= flags: the optimal run count for on/off flags. */
    static int optimalRunCount(int flags) {
        if (flags <= 1) {
            return 2;
        }
        int runs = 2;
        while (binomial(runs - 1, (runs + 1) / 2) < flags) {
            runs++;
        }
        return runs;
    }

    static List<int[]> optimalBoolean(int flags) {
        int runs = optimalRunCount(flags);
        int size = (runs + 1) / 2;
        int[][] table = new int[runs][flags];
        int[] subset = IntStream.rangeClosed(1, size).toArray(); // runs 1..runs-1 (0-based), lexicographic
        for (int flag = 0; flag < flags; flag++) {
            for (int run : subset) {
                table[run][flag] = 1;
            }
            nextSubset(subset, runs - 1);
        }
        return Arrays.asList(table);
    }

    /** Advances {@code subset} (values 1..max) to the next subset in lexicographic order. */
    private static void nextSubset(int[] subset, int max) {
        int i = subset.length - 1;
        while (i >= 0 && subset[i] == max - (subset.length - 1 - i)) {
            i--;
        }
        if (i < 0) {
            return; // the last subset; optimalRunCount guarantees it is never needed again
        }
        subset[i]++;
        for (int j = i + 1; j < subset.length; j++) {
            subset[j] = subset[j - 1] + 1;
        }
    }

    private static long binomial(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }

    /** IPOG over flags with the given numbers of values; columns keep the caller's order. */
    static List<int[]> ipog(List<Integer> sizes) {
        int width = sizes.size();
        if (width == 1) {
            return IntStream.range(0, sizes.get(0)).mapToObj(v -> new int[] {v}).toList();
        }
        // Largest domains first gives smaller arrays; the stable sort keeps runs deterministic.
        Integer[] order = IntStream.range(0, width).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparing((Integer i) -> sizes.get(i)).reversed());

        List<int[]> rows = new ArrayList<>();
        int first = order[0];
        int second = order[1];
        for (int a = 0; a < sizes.get(first); a++) {
            for (int b = 0; b < sizes.get(second); b++) {
                int[] row = new int[width];
                Arrays.fill(row, -1);
                row[first] = a;
                row[second] = b;
                rows.add(row);
            }
        }
        for (int k = 2; k < width; k++) {
            extend(rows, sizes, Arrays.copyOf(order, k), order[k]);
        }
        for (int[] row : rows) {
            for (int i = 0; i < width; i++) {
                if (row[i] < 0) {
                    row[i] = 0;
                }
            }
        }
        return rows;
    }

    /** Adds column {@code p}: horizontal growth over existing rows, then vertical growth. */
    private static void extend(List<int[]> rows, List<Integer> sizes, Integer[] done, int p) {
        int values = sizes.get(p);
        // uncovered[q][vq][vp] for every earlier column q
        boolean[][][] uncovered = new boolean[sizes.size()][][];
        for (int q : done) {
            uncovered[q] = new boolean[sizes.get(q)][values];
            for (boolean[] line : uncovered[q]) {
                Arrays.fill(line, true);
            }
        }
        for (int[] row : rows) {
            int best = 0;
            int bestGain = -1;
            for (int v = 0; v < values; v++) {
                int gain = 0;
                for (int q : done) {
                    if (row[q] >= 0 && uncovered[q][row[q]][v]) {
                        gain++;
                    }
                }
                if (gain > bestGain) {
                    best = v;
                    bestGain = gain;
                }
            }
            row[p] = best;
            for (int q : done) {
                if (row[q] >= 0) {
                    uncovered[q][row[q]][best] = false;
                }
            }
        }
        for (int q : done) {
            for (int vq = 0; vq < sizes.get(q); vq++) {
                for (int vp = 0; vp < values; vp++) {
                    if (uncovered[q][vq][vp]) {
                        cover(rows, q, vq, p, vp);
                    }
                }
            }
        }
    }

    private static void cover(List<int[]> rows, int q, int vq, int p, int vp) {
        for (int[] row : rows) {
            if (row[p] == vp && row[q] < 0) {
                row[q] = vq;
                return;
            }
        }
        int[] row = new int[rows.get(0).length];
        Arrays.fill(row, -1);
        row[q] = vq;
        row[p] = vp;
        rows.add(row);
    }
}
