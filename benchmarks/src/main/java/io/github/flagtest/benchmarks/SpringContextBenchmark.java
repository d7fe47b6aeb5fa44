package io.github.flagtest.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import bench.spring.SpringFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The cost of flagtest in a Spring test context: a {@code @FlagMatrix} over 3 flags (8 runs) with
 * {@code @FlagClientBean} against the same 8 states with plain {@code @MockitoBean} stubbing. The
 * first round of each includes its context start (cached afterwards); later rounds are the per-run
 * cost. Goal: one context start plus at most 50 ms per run over the plain tests.
 */
public final class SpringContextBenchmark {

    static final int ROUNDS = 15;
    static final int WARM_UP = 5;

    public static void main(String[] args) throws Exception {
        Path reports = Files.createTempDirectory("flagtest-spring");
        Launcher launcher = LauncherFactory.create();
        double firstPlain = run(launcher, SpringFixtures.PlainMockitoBean.class, reports);
        double firstFlagtest = run(launcher, SpringFixtures.FlagClientBeanMatrix.class, reports);
        double[] plain = new double[ROUNDS];
        double[] flagtest = new double[ROUNDS];
        for (int round = 0; round < WARM_UP + ROUNDS; round++) {
            double a = run(launcher, SpringFixtures.PlainMockitoBean.class, reports);
            double b = run(launcher, SpringFixtures.FlagClientBeanMatrix.class, reports);
            if (round >= WARM_UP) {
                plain[round - WARM_UP] = a;
                flagtest[round - WARM_UP] = b;
            }
        }
        double a = median(plain);
        double b = median(flagtest);
        int runs = SpringFixtures.RUNS;
        System.out.println("flagtest in a Spring test context (" + runs + " flag states, median of " + ROUNDS
                + " rounds after " + WARM_UP + " warm-up rounds; the first round starts each context)");
        System.out.printf(
                "  (a) @MockitoBean + when(...) per state   first %7.1f ms, then %6.1f ms (%5.2f ms/run)%n",
                firstPlain, a, a / runs);
        System.out.printf(
                "  (b) @FlagClientBean + @FlagMatrix        first %7.1f ms, then %6.1f ms (%5.2f ms/run)%n",
                firstFlagtest, b, b / runs);
        System.out.printf(
                "  per run over plain: %.2f ms (goal <= 50 ms); contexts started: one each%n", (b - a) / runs);
    }

    private static double run(Launcher launcher, Class<?> fixture, Path reports) throws Exception {
        Path dir = Files.createTempDirectory(reports, fixture.getSimpleName());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(fixture))
                .configurationParameters(Map.of("flagtest.report.dir", dir.toString()))
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        long start = System.nanoTime();
        launcher.execute(request, summary);
        double millis = (System.nanoTime() - start) / 1e6;
        if (summary.getSummary().getTestsSucceededCount() != SpringFixtures.RUNS) {
            throw new IllegalStateException(fixture.getSimpleName() + ": "
                    + summary.getSummary().getTestsSucceededCount() + " of " + SpringFixtures.RUNS + " succeeded: "
                    + summary.getSummary().getFailures());
        }
        return millis;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
