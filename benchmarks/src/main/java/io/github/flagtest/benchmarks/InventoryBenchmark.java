package io.github.flagtest.benchmarks;

import io.github.flagtest.inventory.Inventory;
import io.github.flagtest.inventory.InventoryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The inventory over many accounts: 100 sources x 10 applications x 3 environments against a
 * stand-in that answers each call after 50 ms, read with the default pool. Goal: under 60 s.
 */
public final class InventoryBenchmark {

    static final int ACCOUNTS = 100;
    static final int APPLICATIONS = 10;
    static final Duration LATENCY = Duration.ofMillis(50);

    public static void main(String[] args) throws Exception {
        // the default chain's system properties: the stand-in does not check signatures
        System.setProperty("aws.accessKeyId", "AKIAFLAGTESTBENCH000");
        System.setProperty("aws.secretAccessKey", "benchmark-secret-not-a-real-one-000000000");
        try (InventoryStandIn standIn = new InventoryStandIn(APPLICATIONS, LATENCY)) {
            StringBuilder sources = new StringBuilder();
            for (int a = 0; a < ACCOUNTS; a++) {
                sources.append(a == 0 ? "" : ",")
                        .append("{\"name\":\"acct-")
                        .append(a)
                        .append("\",\"region\":\"eu-west-1\",\"endpoint\":\"")
                        .append(standIn.uri())
                        .append("\"}");
            }
            InventoryConfig config = InventoryConfig.parse("{\"sources\":[" + sources + "]}", "benchmark");
            Path dir = Files.createTempDirectory("flagtest-inventory-bench");
            int threads = args.length > 0 ? Integer.parseInt(args[0]) : Inventory.DEFAULT_THREADS;
            var os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            Inventory inventory = Inventory.read(config, dir, threads, Clock.systemUTC());
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
            Path file = inventory.write(dir);
            System.out.printf(
                    "flagtest inventory benchmark: %d accounts x %d applications x %d environments, %d ms per call%n",
                    ACCOUNTS, APPLICATIONS, InventoryStandIn.ENVIRONMENTS.length, LATENCY.toMillis());
            System.out.printf(
                    "  read in %.1f s with a pool of %d (default %d; goal < 60 s), %.1f s CPU (stand-in included): %d calls, %d deployments, %d failed sources; %s %d KB%n",
                    seconds,
                    threads,
                    Inventory.DEFAULT_THREADS,
                    cpu,
                    standIn.calls.get(),
                    inventory.deployments(),
                    inventory.failedSources(),
                    file.getFileName(),
                    Files.size(file) / 1024);
        }
    }
}
