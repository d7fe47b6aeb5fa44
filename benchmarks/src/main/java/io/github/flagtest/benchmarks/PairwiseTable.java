package io.github.flagtest.benchmarks;

import io.github.flagtest.junit.matrix.MatrixSizes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairwise run counts against the proven optimum (on/off flags) and the lower bound (variants),
 * through the matrix room's benchmark entry point {@link MatrixSizes}.
 */
public final class PairwiseTable {

    public static void main(String[] args) {
        System.out.println(
                "flagtest pairwise: on/off flags, runs vs proven optimum (smallest N with C(N-1, ceil(N/2)) >= n)");
        int from = 2;
        int previous = MatrixSizes.optimalPairwiseRuns(2);
        boolean allOptimal = true;
        for (int n = 2; n <= 127; n++) {
            int runs = n <= 126 ? MatrixSizes.pairwiseRuns(n) : -1;
            if (n <= 126) {
                allOptimal &= runs == MatrixSizes.optimalPairwiseRuns(n);
            }
            if (n == 127 || runs != previous) {
                System.out.printf("  %3d..%3d flags -> %2d runs (optimum %2d)%n", from, n - 1, previous, previous);
                from = n;
                previous = runs;
            }
        }
        System.out.println("  every count optimal for 2..126 flags: " + allOptimal);
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            MatrixSizes.pairwiseRuns(126);
        }
        System.out.printf(
                "  generation for 126 flags: %.3f ms (mean of 100)%n", (System.nanoTime() - start) / 1e6 / 100);

        System.out.println(
                "flagtest pairwise: variant mixes (IPOG), runs vs lower bound (product of the two largest domains)");
        Map<String, List<Integer>> mixes = new LinkedHashMap<>();
        mixes.put("3^4", List.of(3, 3, 3, 3));
        mixes.put("4^3 x 2^5", List.of(4, 4, 4, 2, 2, 2, 2, 2));
        mixes.put("5 x 3^3 x 2^10", List.of(5, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2));
        mixes.put("3 x 2^20", withTwos(List.of(3), 20));
        mixes.put("6 x 4^5", List.of(6, 4, 4, 4, 4, 4));
        mixes.forEach((name, sizes) -> {
            List<Integer> sorted = sizes.stream().sorted((a, b) -> b - a).toList();
            System.out.printf(
                    "  %-16s -> %3d runs (lower bound %3d)%n",
                    name, MatrixSizes.pairwiseRuns(sizes), sorted.get(0) * sorted.get(1));
        });
    }

    private static List<Integer> withTwos(List<Integer> sizes, int twos) {
        List<Integer> all = new ArrayList<>(sizes);
        for (int i = 0; i < twos; i++) {
            all.add(2);
        }
        return all;
    }
}
