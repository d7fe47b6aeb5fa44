package io.github.flagtest.benchmarks;

import io.github.flagtest.core.FlagState;
import io.github.flagtest.e2e.FlagStore;
import io.github.flagtest.e2e.InvocationResult;
import io.github.flagtest.e2e.harness.EmbeddedDeployments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Embedded E2E backend: cold deploy + first invoke, warm invoke p50/p99 over 200 invocations, and
 * the time from a flag write to the first invocation that shows it when the function is restarted
 * (what every matrix run does; without a restart the function's 15 s poll interval decides), with 1
 * and 4 functions deployed at once. Warm figures follow 1,000
 * unmeasured invocations (JIT warm-up of the test JVM's SDK client and the function's JVM). Drives
 * the embedded backend through the harness's documented internal entry point, {@link
 * EmbeddedDeployments}. Prints a table.
 */
public final class EmbeddedE2EBenchmark {

    static final String FLAG_READER = "io.github.flagtest.benchmarks.FlagReadingHandler::handleRequest";
    static final String NOOP = "io.github.flagtest.benchmarks.NoopHandler::handleRequest";
    static final int WARM_UP = 1_000;
    static final int WARM = 200;
    static final int FLIPS = 20;

    public static void main(String[] args) throws Exception {
        System.out.println("flagtest embedded E2E benchmark (Java " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores)");
        System.out.printf(
                "%-26s | %-22s | %-13s | %-13s | %-20s%n",
                "handler x functions",
                "cold deploy+1st invoke",
                "warm p50",
                "warm p99",
                "flip + restart visible (median)");
        run(FLAG_READER, 1);
        run(FLAG_READER, 4);
        run(NOOP, 1);
    }

    private static void run(String handler, int functions) throws Exception {
        try (EmbeddedDeployments deployer = EmbeddedDeployments.start()) {
            {
                ExecutorService pool = Executors.newFixedThreadPool(functions);
                List<Future<double[]>> results = new ArrayList<>();
                for (int i = 0; i < functions; i++) {
                    String name = "bench-" + i;
                    results.add(pool.submit(() -> measure(deployer, name, handler)));
                }
                List<double[]> all = new ArrayList<>();
                for (Future<double[]> result : results) {
                    all.add(result.get());
                }
                pool.shutdown();
                double cold = all.stream().mapToDouble(r -> r[0]).max().orElseThrow();
                double p50 = all.stream().mapToDouble(r -> r[1]).max().orElseThrow();
                double p99 = all.stream().mapToDouble(r -> r[2]).max().orElseThrow();
                double flip = all.stream().mapToDouble(r -> r[3]).max().orElseThrow();
                String label =
                        (handler.equals(NOOP) ? "noop (harness only)" : "AppConfig SDK reader") + " x " + functions;
                System.out.printf(
                        "%-26s | %19.0f ms | %10.2f ms | %10.2f ms | %s%n",
                        label, cold, p50, p99, handler.equals(NOOP) ? "-" : String.format("%17.1f ms", flip));
            }
        }
    }

    /** cold ms, warm p50 ms, warm p99 ms, flip-visible median ms (the worst function is reported). */
    private static double[] measure(EmbeddedDeployments deployer, String name, String handler) {
        byte[] event = "{}".getBytes();
        long start = System.nanoTime();
        FlagStore store = deployer.deploy(name, handler, FlagState.of(Map.of("feature", false)));
        InvocationResult first = deployer.invoke(name, event);
        double cold = (System.nanoTime() - start) / 1e6;
        if (first.functionError() != null) {
            throw new IllegalStateException("first invocation failed: " + first.payload());
        }
        for (int i = 0; i < WARM_UP; i++) {
            deployer.invoke(name, event); // JIT warm-up of both JVMs, not measured
        }
        double[] warm = new double[WARM];
        for (int i = 0; i < WARM; i++) {
            long t = System.nanoTime();
            deployer.invoke(name, event);
            warm[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(warm);
        double[] flips = new double[FLIPS];
        for (int i = 0; i < FLIPS && handler.equals(FLAG_READER); i++) {
            boolean on = i % 2 == 0;
            long t = System.nanoTime();
            store.set("feature", on);
            deployer.restart(name, Integer.toString(i)); // a fresh execution environment, as a matrix run
            String expected = "\"feature\":{\"enabled\":" + on + "}";
            while (!deployer.invoke(name, event).payload().contains(expected.replace("\"", "\\\""))) {
                if (System.nanoTime() - t > 10_000_000_000L) {
                    throw new IllegalStateException("flip not visible within 10 s");
                }
            }
            flips[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(flips);
        return new double[] {cold, warm[WARM / 2], warm[(int) Math.ceil(WARM * 0.99) - 1], flips[FLIPS / 2]};
    }
}
