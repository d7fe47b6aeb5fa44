package io.github.flagtest.benchmarks;

import io.github.flagtest.report.FlagReport;
import io.github.flagtest.report.RunRecords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * The report with an inventory merged, cold: 500 flags, 2,000 recorded tests, and an
 * inventory.json of 4 sources x 3 environments (12 deployment columns, every flag deployed in each,
 * some with attributes or variants). Read, folded and written once in a fresh JVM. Goal: under 1 s.
 */
public final class InventoryReportBenchmark {

    static final int FLAGS = 500;
    static final int TESTS = 2_000;
    static final String[] SOURCES = {"prod-eu", "prod-us", "stg", "dev"};
    static final String[] ENVIRONMENTS = {"dev", "staging", "prod"};

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("flagtest-inventory-report-bench");
        write(dir);
        boolean without = List.of(args).contains("--without-inventory"); // the same report, for comparison
        if (without) {
            Files.delete(dir.resolve("inventory.json"));
        }
        var threadBean = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threadBean.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        FlagReport report = FlagReport.of(RunRecords.read(List.of(dir)));
        Path page = report.write(dir);
        double millis = (System.nanoTime() - start) / 1e6;
        double cpuMillis = (threadBean.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        System.out.printf(
                "flagtest report + inventory benchmark: %d flags, %d tests, %d deployment columns -> %d candidates%n",
                report.flags(),
                TESTS,
                without ? 0 : SOURCES.length * ENVIRONMENTS.length,
                report.retirementCandidates());
        System.out.printf(
                "  cold (first in a fresh JVM) %.0f ms (goal < 1000 ms), %.0f ms CPU of the thread; index.html %d KB%n",
                millis, cpuMillis, Files.size(page) / 1024);
    }

    private static void write(Path dir) throws Exception {
        Random random = new Random(7);
        Files.createDirectories(dir.resolve("runs"));
        StringBuilder runs =
                new StringBuilder("{\"kind\":\"run\",\"profile\":\"classpath:flags/prod.json\",\"profileValues\":{");
        for (int f = 0; f < FLAGS; f++) {
            runs.append(f == 0 ? "" : ",")
                    .append("\"flag-")
                    .append(f)
                    .append("\":")
                    .append(f % 3 == 0);
        }
        runs.append("}}\n");
        for (int t = 0; t < TESTS; t++) {
            int flag = (t * 13) % FLAGS;
            boolean on = random.nextBoolean();
            runs.append("{\"kind\":\"test\",\"class\":\"com.example.Service")
                    .append(t % 50)
                    .append("Test\",\"name\":\"t")
                    .append(t)
                    .append("\",\"state\":{\"flag-")
                    .append(flag)
                    .append("\":")
                    .append(on)
                    .append("},\"evaluations\":[{\"flag\":\"flag-")
                    .append(flag)
                    .append("\",\"value\":\"")
                    .append(on ? "ON" : "OFF")
                    .append("\",\"class\":\"com.example.Service\",\"method\":\"run\",\"site\":\"Service.java:")
                    .append(10 + flag % 7)
                    .append("\",\"line\":")
                    .append(10 + flag % 7)
                    .append(",\"count\":1}],\"result\":\"SUCCESSFUL\"}\n");
        }
        Files.writeString(dir.resolve("runs/tests.jsonl"), runs, StandardCharsets.UTF_8);
        StringBuilder inventory = new StringBuilder("{\"readAt\":\"2026-12-06T04:00:00Z\",\"sources\":[");
        for (int s = 0; s < SOURCES.length; s++) {
            inventory
                    .append(s == 0 ? "" : ",")
                    .append("{\"name\":\"")
                    .append(SOURCES[s])
                    .append("\",\"account\":\"11112222333")
                    .append(s)
                    .append("\",\"region\":\"eu-west-1\",\"error\":null}");
        }
        inventory.append("],\"deployments\":[");
        boolean first = true;
        for (String source : SOURCES) {
            for (String environment : ENVIRONMENTS) {
                inventory
                        .append(first ? "" : ",")
                        .append("{\"source\":\"")
                        .append(source)
                        .append("\",\"application\":\"shop\",\"environment\":\"")
                        .append(environment)
                        .append(
                                "\",\"profile\":\"flags\",\"version\":\"12\",\"deployedAt\":\"2026-11-20T10:00:00Z\",\"flags\":{");
                first = false;
                for (int f = 0; f < FLAGS; f++) {
                    inventory
                            .append(f == 0 ? "" : ",")
                            .append("\"flag-")
                            .append(f)
                            .append("\":{\"enabled\":")
                            .append(f % 3 == 0 || random.nextInt(10) == 0)
                            .append(",\"since\":\"2026-0")
                            .append(1 + random.nextInt(9))
                            .append("-15T00:00:00Z\",\"attributes\":")
                            .append(f % 5 == 0 ? "{\"maxItems\":" + f + ",\"label\":\"<b>" + f + "</b>\"}" : "{}")
                            .append(",\"variants\":")
                            .append(
                                    f % 50 == 1
                                            ? "[{\"name\":\"Beta\",\"enabled\":true,\"rule\":\"(ends_with $email \\\"@example.com\\\")\",\"attributes\":{}},"
                                                    + "{\"name\":\"Default\",\"enabled\":false,\"rule\":null,\"attributes\":{}}]"
                                            : "[]")
                            .append('}');
                }
                inventory.append("}}");
            }
        }
        inventory.append("],\"retireAfterDays\":28,\"repository\":{}}");
        Files.writeString(dir.resolve("inventory.json"), inventory, StandardCharsets.UTF_8);
    }
}
