package io.github.flagtest.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import bench.overhead.OverheadFixtures;
import io.github.flagtest.junit.instrument.Instrumenter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The cost of flagtest's extension: 2,000 handler tests written with plain Mockito and with
 * flagtest's annotations, run alternately through the JUnit Platform Launcher, several rounds after
 * a warm-up, also with the entry point declared by type (instrumented); and a 1,024-run {@code @FlagMatrix} against 1,024 {@code @ParameterizedTest} invocations.
 * Times run from the launch to the end of the engine's execution: the report page written after it
 * is a per-run cost, measured by the report benchmark.
 */
public final class ExtensionOverheadBenchmark {

    static final int ROUNDS = 21;
    static final int WARM_UP = 8;

    public static void main(String[] args) throws Exception {
        Path reports = Files.createTempDirectory("flagtest-overhead");
        Launcher launcher = LauncherFactory.create();
        double[] plain = new double[ROUNDS];
        double[] flagtest = new double[ROUNDS];
        double[] flagtestNoRecords = new double[ROUNDS];
        double[] matrix = new double[ROUNDS];
        double[] parameterized = new double[ROUNDS];
        double[] ratios = new double[ROUNDS];
        double[] ratiosNoRecords = new double[ROUNDS];
        double[] typeLevel = new double[ROUNDS];
        double[] ratiosTypeLevel = new double[ROUNDS];
        double firstTypeLevel = 0;
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            int i = Math.max(0, round - WARM_UP);
            double a = run(launcher, OverheadFixtures.Plain.class, reports, true, OverheadFixtures.TESTS);
            double c = run(launcher, OverheadFixtures.Flagtest.class, reports, false, OverheadFixtures.TESTS);
            double b = run(launcher, OverheadFixtures.Flagtest.class, reports, true, OverheadFixtures.TESTS);
            double e = run(launcher, OverheadFixtures.TypeLevel.class, reports, true, OverheadFixtures.TESTS);
            if (round == 0) {
                firstTypeLevel = e; // includes instrumenting the type, once per JVM
            }
            double m = run(launcher, OverheadFixtures.Matrix.class, reports, true, OverheadFixtures.MATRIX_RUNS);
            double p = run(launcher, OverheadFixtures.Parameterized.class, reports, true, OverheadFixtures.MATRIX_RUNS);
            System.out.printf("  round %d: a %.0f, b' %.0f, b %.0f, e %.0f ms%n", round, a, c, b, e);
            if (round >= WARM_UP) {
                plain[i] = a;
                flagtest[i] = b;
                flagtestNoRecords[i] = c;
                matrix[i] = m;
                parameterized[i] = p;
                ratios[i] = b / a;
                ratiosNoRecords[i] = c / a;
                typeLevel[i] = e;
                ratiosTypeLevel[i] = e / a;
            }
        }
        double a = median(plain);
        double b = median(flagtest);
        double c = median(flagtestNoRecords);
        System.out.println("flagtest extension overhead (" + OverheadFixtures.TESTS + " handler tests, median of "
                + ROUNDS + " alternating rounds after " + WARM_UP + " warm-up rounds; b/a is the median of the"
                + " rounds' ratios)");
        System.out.printf(
                "  (a) plain Mockito + verify(never())       %8.1f ms  %6.1f us/test%n",
                a, a * 1000 / OverheadFixtures.TESTS);
        System.out.printf(
                "  (b) @WithFlag @FlagClient @FeatureEntryPoint %5.1f ms  %6.1f us/test  b/a = %.2f (goal <= 1.10)%n",
                b, b * 1000 / OverheadFixtures.TESTS, median(ratios));
        System.out.printf(
                "  (b') the same, flagtest.report=false        %5.1f ms  %6.1f us/test  b'/a = %.2f%n",
                c, c * 1000 / OverheadFixtures.TESTS, median(ratiosNoRecords));
        double e = median(typeLevel);
        System.out.printf(
                "  (e) the same with @FeatureEntryPoint(type = ...) %3.1f ms  %6.1f us/test  e/a = %.2f (goal <= 1.10)%n",
                e, e * 1000 / OverheadFixtures.TESTS, median(ratiosTypeLevel));
        System.out.printf(
                "  one-time instrumentation of the entry point's type: %.1f ms (first round of (e): %.0f ms)%n",
                Instrumenter.nanosSpent() / 1e6, firstTypeLevel);
        System.out.printf(
                "  per-test overhead: %.1f us (with run records), %.1f us (without)%n",
                (b - a) * 1000 / OverheadFixtures.TESTS, (c - a) * 1000 / OverheadFixtures.TESTS);
        System.out.printf(
                "  @FlagMatrix invocation %.1f us vs @ParameterizedTest invocation %.1f us (1,024 each)%n",
                median(matrix) * 1000 / OverheadFixtures.MATRIX_RUNS,
                median(parameterized) * 1000 / OverheadFixtures.MATRIX_RUNS);
    }

    private static double run(Launcher launcher, Class<?> fixture, Path reports, boolean records, int expected)
            throws IOException {
        // each run its own report directory: a run's report reads exactly its own records, as in a build
        Path dir = Files.createTempDirectory(reports, fixture.getSimpleName());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(fixture))
                .configurationParameters(
                        Map.of("flagtest.report.dir", dir.toString(), "flagtest.report", Boolean.toString(records)))
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        long[] engineDone = new long[1];
        TestExecutionListener engineEnd = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.getParentId().isEmpty()) {
                    engineDone[0] = System.nanoTime(); // the tests are done; the report page comes after
                }
            }
        };
        System.gc(); // garbage of the previous run (its report included) is not this run's cost
        long start = System.nanoTime();
        launcher.execute(request, summary, engineEnd);
        double millis = (engineDone[0] - start) / 1e6;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        }
        if (summary.getSummary().getTestsSucceededCount() != expected) {
            throw new IllegalStateException(
                    fixture.getSimpleName() + ": " + summary.getSummary().getTestsSucceededCount() + " of " + expected
                            + " succeeded: " + summary.getSummary().getFailures());
        }
        return millis;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
