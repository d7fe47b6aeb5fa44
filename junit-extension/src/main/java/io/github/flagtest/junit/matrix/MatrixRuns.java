package io.github.flagtest.junit.matrix;

import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FlagMatrix.Strategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Chooses the runs of a matrix: each run assigns one value to every flag, in a fixed order. */
final class MatrixRuns {

    private MatrixRuns() {}

    static List<FlagState> of(List<MatrixFlag> flags, Strategy strategy) {
        List<int[]> rows = switch (strategy) {
            case ALL_COMBINATIONS -> allCombinations(flags);
            case ONE_AT_A_TIME -> oneAtATime(flags);
            case PAIRWISE ->
                flags.stream().allMatch(MatrixFlag::isBoolean)
                        ? Pairwise.optimalBoolean(flags.size())
                        : Pairwise.ipog(
                                flags.stream().map(f -> f.values().size()).toList());
        };
        List<FlagState> runs = new ArrayList<>(rows.size());
        for (int[] row : rows) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < flags.size(); i++) {
                values.put(flags.get(i).name(), flags.get(i).values().get(row[i]));
            }
            runs.add(FlagState.of(values));
        }
        return runs;
    }

    /** The first flag varies slowest, so the first run is the baseline. */
    private static List<int[]> allCombinations(List<MatrixFlag> flags) {
        List<int[]> rows = new ArrayList<>();
        rows.add(new int[flags.size()]);
        for (int i = 0; i < flags.size(); i++) {
            List<int[]> next = new ArrayList<>();
            for (int[] row : rows) {
                for (int value = 0; value < flags.get(i).values().size(); value++) {
                    int[] copy = row.clone();
                    copy[i] = value;
                    next.add(copy);
                }
            }
            rows = next;
        }
        return rows;
    }

    private static List<int[]> oneAtATime(List<MatrixFlag> flags) {
        List<int[]> rows = new ArrayList<>();
        rows.add(new int[flags.size()]);
        for (int i = 0; i < flags.size(); i++) {
            for (int value = 1; value < flags.get(i).values().size(); value++) {
                int[] row = new int[flags.size()];
                row[i] = value;
                rows.add(row);
            }
        }
        return rows;
    }
}
