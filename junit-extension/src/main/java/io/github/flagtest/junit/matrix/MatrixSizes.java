package io.github.flagtest.junit.matrix;

import io.github.flagtest.junit.FlagMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * How many runs {@code @FlagMatrix(strategy = PAIRWISE)} generates, and the proven optimum, for
 * flagtest's benchmarks ({@code io.github.flagtest.benchmarks.PairwiseTable}).
 *
 * <p>Internal to flagtest: public only for its benchmarks; not API.
 */
public final class MatrixSizes {

    private MatrixSizes() {}

    /** Generates the PAIRWISE runs of {@code flags} on/off flags and counts them. */
    public static int pairwiseRuns(int flags) {
        List<MatrixFlag> onOff = new ArrayList<>();
        for (int i = 0; i < flags; i++) {
            onOff.add(MatrixFlag.parse("f" + i));
        }
        return MatrixRuns.of(onOff, FlagMatrix.Strategy.PAIRWISE).size();
    }

    /** The fewest runs that cover every pair of {@code flags} on/off flags: smallest N with C(N-1, ceil(N/2)) >= flags. */
    public static int optimalPairwiseRuns(int flags) {
        return Pairwise.optimalRunCount(flags);
    }

    /** Generates the PAIRWISE runs (IPOG) of flags with these numbers of values and counts them. */
    public static int pairwiseRuns(List<Integer> valueCounts) {
        return Pairwise.ipog(valueCounts).size();
    }
}
