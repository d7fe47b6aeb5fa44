package io.github.flagtest.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.flagtest.junit.WithFlag;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Heap retained per recorded test: 100,000 tests with flagtest (pinned flag, recorded, no reads)
 * against 100,000 plain tests, run in a JVM with a 256 MB heap; used heap measured after a full GC
 * at the end of each run, while JUnit still holds the test plan.
 */
public final class MemoryBenchmark {

    static final int TESTS = 100_000;

    public static class Plain {
        @RepeatedTest(TESTS)
        void test() {}
    }

    @WithFlag(name = "loyalty-points", enabled = true)
    public static class Recorded {
        @RepeatedTest(TESTS)
        void test() {}
    }

    public static void main(String[] args) throws Exception {
        Path reports = Files.createTempDirectory("flagtest-memory");
        Launcher launcher = LauncherFactory.create();
        long plain = run(launcher, Plain.class, reports);
        long recorded = run(launcher, Recorded.class, reports);
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf("flagtest memory: %,d tests in a %d MB heap%n", TESTS, maxHeap / (1024 * 1024));
        System.out.printf(
                "  used heap at the end of the run: plain %,d KB, flagtest %,d KB%n", plain / 1024, recorded / 1024);
        System.out.printf(
                "  retained per recorded test: %.0f bytes (goal < 2,048)%n", (recorded - plain) / (double) TESTS);
    }

    private static long run(Launcher launcher, Class<?> fixture, Path reports) {
        long[] used = new long[1];
        TestExecutionListener measure = new TestExecutionListener() {
            @Override
            public void testPlanExecutionFinished(TestPlan testPlan) {
                used[0] = usedAfterGc();
            }
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(fixture))
                .configurationParameters(Map.of("flagtest.report.dir", reports.toString()))
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(request, summary, measure);
        if (summary.getSummary().getTestsSucceededCount() != TESTS) {
            throw new IllegalStateException(summary.getSummary().getFailures().toString());
        }
        return used[0];
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
