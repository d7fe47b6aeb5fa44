package io.github.flagtest.e2e.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The lines Lambda writes when an invocation ends: {@code END RequestId: <id>} and {@code REPORT
 * RequestId: <id>} with the tab-separated duration, billed duration (1 ms steps), memory size, peak
 * memory, {@code Init Duration} after a cold start and a {@code Status} when it did not end well.
 * Form as Lambda writes it, e.g. the log quoted in alexa-samples/skill-sample-nodejs-smarthome-switch#18.
 *
 * @param status {@code timeout}, {@code error ...}, or empty
 */
record InvocationReport(
        String requestId,
        double millis,
        int memoryMb,
        long maxMemoryMb,
        OptionalDouble initMillis,
        Optional<String> status) {

    List<String> lines() {
        List<String> report = new ArrayList<>(List.of(
                "REPORT RequestId: " + requestId,
                String.format(Locale.ROOT, "Duration: %.2f ms", millis),
                "Billed Duration: " + (long) Math.ceil(millis) + " ms",
                "Memory Size: " + memoryMb + " MB",
                "Max Memory Used: " + maxMemoryMb + " MB"));
        initMillis.ifPresent(init -> report.add(String.format(Locale.ROOT, "Init Duration: %.2f ms", init)));
        status.ifPresent(value -> report.add("Status: " + value));
        return List.of("END RequestId: " + requestId, String.join("\t", report));
    }

    /** The peak resident memory of {@code process} (Linux's VmHWM), 0 where it cannot be read. */
    static long maxMemoryMb(Process process) {
        if (process == null) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone already, or not Linux
        }
        return 0;
    }
}
