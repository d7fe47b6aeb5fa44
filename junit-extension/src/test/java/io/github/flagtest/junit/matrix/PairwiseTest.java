package io.github.flagtest.junit.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FlagMatrix.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("pairwise runs")
class PairwiseTest {

    /** The proven optimum for n on/off flags: the smallest N with C(N-1, ceil(N/2)) >= n. */
    static int optimum(int n) {
        for (int runs = 2; ; runs++) {
            if (binomial(runs - 1, (runs + 1) / 2) >= n) {
                return runs;
            }
        }
    }

    static long binomial(int n, int k) {
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return k > n ? 0 : result;
    }

    @Test
    @DisplayName("run counts match the known table: 3->4, 4->5, 5..10->6, 11..15->7, 16..35->8, 36..56->9, 57..126->10")
    void knownTable() {
        Map<Integer, Integer> expected = Map.of(2, 4, 3, 4, 4, 5, 5, 6, 10, 6, 11, 7, 15, 7, 16, 8, 35, 8, 36, 9);
        expected.forEach((n, runs) ->
                assertThat(Pairwise.optimalRunCount(n)).as("n=%d", n).isEqualTo(runs));
        assertThat(Pairwise.optimalRunCount(56)).isEqualTo(9);
        assertThat(Pairwise.optimalRunCount(57)).isEqualTo(10);
        assertThat(Pairwise.optimalRunCount(126)).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0} on/off flags")
    @MethodSource("booleanSizes")
    @DisplayName("covers every pair of every two on/off flags in the optimal number of runs, first run all OFF")
    void optimalForBooleans(int n) {
        List<MatrixFlag> flags = booleans(n);
        List<FlagState> runs = MatrixRuns.of(flags, Strategy.PAIRWISE);

        assertThat(runs).hasSize(optimum(n));
        assertThat(runs.get(0).asMap().values()).containsOnly(false);
        assertEveryPairCovered(flags, runs);
        assertThat(MatrixRuns.of(flags, Strategy.PAIRWISE)).as("deterministic").isEqualTo(runs);
    }

    static Stream<Integer> booleanSizes() {
        return Stream.concat(IntStream.rangeClosed(2, 40).boxed(), Stream.of(56, 57, 100, 126));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variantMixes")
    @DisplayName("covers every pair of variant flags (IPOG), never fewer runs than the two largest domains need")
    void variants(String name, List<Integer> sizes, int maxRuns) {
        List<MatrixFlag> flags = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            List<Object> values = new ArrayList<>();
            for (int v = 0; v < sizes.get(i); v++) {
                values.add(sizes.get(i) == 2 && v < 2 ? v == 1 : "v" + v);
            }
            flags.add(new MatrixFlag("f" + i, List.copyOf(values)));
        }
        List<FlagState> runs = MatrixRuns.of(flags, Strategy.PAIRWISE);

        assertEveryPairCovered(flags, runs);
        List<Integer> sorted = sizes.stream().sorted((a, b) -> b - a).toList();
        assertThat(runs.size()).isBetween(sorted.get(0) * sorted.get(1), maxRuns);
        assertThat(MatrixRuns.of(flags, Strategy.PAIRWISE)).as("deterministic").isEqualTo(runs);
    }

    static Stream<Arguments> variantMixes() {
        return Stream.of(
                Arguments.of("3^4", List.of(3, 3, 3, 3), 11),
                Arguments.of("4^3 x 2^5", List.of(2, 4, 2, 4, 2, 4, 2, 2), 20),
                Arguments.of("5 x 3^3 x 2^10", withTwos(List.of(5, 3, 3, 3), 10), 22),
                Arguments.of("3 x 2", List.of(3, 2), 6));
    }

    private static List<Integer> withTwos(List<Integer> sizes, int twos) {
        List<Integer> all = new ArrayList<>(sizes);
        IntStream.range(0, twos).forEach(i -> all.add(2));
        return all;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    @DisplayName("ALL_COMBINATIONS starts at the baseline and lets the first flag vary slowest")
    void allCombinations(int n) {
        List<FlagState> runs = MatrixRuns.of(booleans(n), Strategy.ALL_COMBINATIONS);

        assertThat(runs).hasSize(1 << n).doesNotHaveDuplicates();
        assertThat(runs.get(0).asMap().values()).containsOnly(false);
        assertThat(runs.get(runs.size() - 1).asMap().values()).containsOnly(true);
    }

    @Test
    @DisplayName("ONE_AT_A_TIME is the baseline, then each flag (or each other variant) alone")
    void oneAtATime() {
        List<MatrixFlag> flags = List.of(MatrixFlag.parse("a"), MatrixFlag.parse("b"), MatrixFlag.parse("c=X|Y|Z"));

        assertThat(MatrixRuns.of(flags, Strategy.ONE_AT_A_TIME))
                .extracting(FlagState::toString)
                .containsExactly(
                        "[a=OFF, b=OFF, c=X]",
                        "[a=ON, b=OFF, c=X]",
                        "[a=OFF, b=ON, c=X]",
                        "[a=OFF, b=OFF, c=Y]",
                        "[a=OFF, b=OFF, c=Z]");
    }

    private static List<MatrixFlag> booleans(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> MatrixFlag.parse("flag-" + i))
                .toList();
    }

    private static void assertEveryPairCovered(List<MatrixFlag> flags, List<FlagState> runs) {
        for (int i = 0; i < flags.size(); i++) {
            for (int j = i + 1; j < flags.size(); j++) {
                MatrixFlag a = flags.get(i);
                MatrixFlag b = flags.get(j);
                for (Object va : a.values()) {
                    for (Object vb : b.values()) {
                        boolean covered = runs.stream()
                                .anyMatch(run -> run.value(a.name())
                                                .orElseThrow()
                                                .equals(va)
                                        && run.value(b.name()).orElseThrow().equals(vb));
                        assertThat(covered)
                                .as("%s=%s with %s=%s", a.name(), va, b.name(), vb)
                                .isTrue();
                    }
                }
            }
        }
    }
}
