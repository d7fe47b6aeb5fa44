package io.github.flagtest.benchmarks;

import io.github.flagtest.report.FlagReport;
import io.github.flagtest.report.RunRecords;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Report generation cost: 10,000 recorded tests over 200 flags (3 profile runs), read, folded and
 * written as flags.json + index.html. Goals: cold (the first run in a fresh JVM) 0.5 s, warm 0.1 s.
 * Prints the first run; the median of runs 3 to 7 (the former "warm", still while the JIT compiles);
 * and warm: the median of 5 runs after 20, once the JIT has compiled the code. Wall time and CPU
 * time of the thread (the records are parsed on a second thread, flags.json written on a third).
 * {@code -Dtests=N} changes the number of tests (the cold run is mostly a fixed cost: class loading
 * and the JIT compilers, which on 2 cores compete with the report for the CPU).
 */
public final class ReportBenchmark {

    static final int TESTS = Integer.getInteger("tests", 10_000);
    static final int FLAGS = 200;

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("flagtest-report-bench");
        write(dir);
        int runs = 25;
        double[] millis = new double[runs];
        double[] cpuMillis = new double[runs];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        FlagReport report = null;
        for (int i = 0; i < runs; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            report = FlagReport.of(RunRecords.read(List.of(dir)));
            report.write(dir);
            millis[i] = (System.nanoTime() - start) / 1e6;
            cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
        }
        System.out.printf(
                "flagtest report benchmark: %d tests, %d flags -> %d flags, %d candidates%n",
                TESTS, FLAGS, report.flags(), report.retirementCandidates());
        System.out.printf(
                "  first (cold JVM) %.0f ms (%.0f ms CPU of the thread); runs 3-7 %.0f ms (%.0f ms CPU);"
                        + " warm (median of 5 after 20) %.0f ms (%.0f ms CPU)"
                        + " (goals: cold <= 500 ms, warm <= 100 ms); index.html %d KB%n",
                millis[0],
                cpuMillis[0],
                median(millis, 2, 7),
                median(cpuMillis, 2, 7),
                median(millis, runs - 5, runs),
                median(cpuMillis, runs - 5, runs),
                Files.size(dir.resolve("index.html")) / 1024);
    }

    private static double median(double[] values, int from, int to) {
        double[] range = Arrays.copyOfRange(values, from, to);
        Arrays.sort(range);
        return range[range.length / 2];
    }

    /** 3 profile runs; each test has 10 flags in its state and reads 5 of them at 1-2 sites. */
    private static void write(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("runs"));
        Random random = new Random(42);
        String[] profiles = {"dev", "staging", "prod"};
        for (int p = 0; p < profiles.length; p++) {
            try (BufferedWriter out = Files.newBufferedWriter(
                    dir.resolve("runs/tests-" + profiles[p] + ".jsonl"), StandardCharsets.UTF_8)) {
                StringBuilder values = new StringBuilder();
                for (int f = 0; f < FLAGS; f++) {
                    values.append(f == 0 ? "" : ",")
                            .append("\"flag-")
                            .append(f)
                            .append("\":")
                            .append(random.nextBoolean());
                }
                out.write("{\"kind\":\"run\",\"profile\":\"classpath:flags/" + profiles[p]
                        + ".json\",\"profileValues\":{" + values + "}}\n");
                for (int t = p; t < TESTS; t += profiles.length) {
                    StringBuilder state = new StringBuilder();
                    StringBuilder reads = new StringBuilder();
                    for (int k = 0; k < 10; k++) {
                        int flag = (t * 7 + k * 13) % FLAGS;
                        boolean on = random.nextBoolean();
                        state.append(k == 0 ? "" : ",")
                                .append("\"flag-")
                                .append(flag)
                                .append("\":")
                                .append(on);
                        if (k < 5) {
                            int line = 10 + flag % 3;
                            reads.append(k == 0 ? "" : ",")
                                    .append("{\"flag\":\"flag-")
                                    .append(flag)
                                    .append("\",\"value\":\"")
                                    .append(on ? "ON" : "OFF")
                                    .append("\",\"class\":\"com.example.Service")
                                    .append(flag % 40)
                                    .append("\",\"method\":\"handle\",\"site\":\"Service")
                                    .append(flag % 40)
                                    .append(".java:")
                                    .append(line)
                                    .append("\",\"line\":")
                                    .append(line)
                                    .append(",\"count\":")
                                    .append(1 + k % 3)
                                    .append('}');
                        }
                    }
                    out.write(
                            "{\"kind\":\"test\",\"class\":\"com.example.T" + (t % 500) + "\",\"displayName\":\"test" + t
                                    + "()\",\"state\":{" + state + "},\"matrices\":[],\"evaluations\":[" + reads
                                    + "],\"entryPoints\":[],\"result\":\"SUCCESSFUL\"}\n");
                }
            }
        }
    }
}
