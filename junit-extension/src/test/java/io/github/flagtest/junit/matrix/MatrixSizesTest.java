package io.github.flagtest.junit.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.junit.FlagMatrix.Strategy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the benchmarks' entry point into the matrix room")
class MatrixSizesTest {

    @Test
    @DisplayName("counts the PAIRWISE runs a matrix of n on/off flags gets, and the proven optimum for n")
    void onOffFlags() {
        for (int n : new int[] {2, 4, 11, 36, 126}) {
            List<MatrixFlag> flags = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                flags.add(MatrixFlag.parse("flag-" + i));
            }
            assertThat(MatrixSizes.pairwiseRuns(n))
                    .as("n=%d", n)
                    .isEqualTo(MatrixRuns.of(flags, Strategy.PAIRWISE).size());
            assertThat(MatrixSizes.optimalPairwiseRuns(n)).as("n=%d", n).isEqualTo(PairwiseTest.optimum(n));
        }
    }

    @Test
    @DisplayName(
            "counts the PAIRWISE runs of flags with several variants, as a matrix of \"a=A|B|C\" entries gets them")
    void variants() {
        List<MatrixFlag> flags = List.of(
                MatrixFlag.parse("a=A|B|C"),
                MatrixFlag.parse("b=A|B|C"),
                MatrixFlag.parse("c=A|B|C"),
                MatrixFlag.parse("d=A|B|C"));

        assertThat(MatrixSizes.pairwiseRuns(List.of(3, 3, 3, 3)))
                .isEqualTo(MatrixRuns.of(flags, Strategy.PAIRWISE).size());
    }
}
