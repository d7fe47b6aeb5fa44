package io.github.flagtest.e2e.harness;

import io.github.flagtest.core.FlagState;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import io.github.flagtest.shaded.jackson.databind.node.ArrayNode;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The E2E results of one class: flag run x test -> PASS / FAIL / MISS (expected miss) / SKIP, the
 * kill-switch drills, and the "mocked tests missed a case" callouts.
 */
final class Summary {

    private static final ObjectMapper JSON = new ObjectMapper();

    enum Status {
        PASS,
        FAIL,
        MISS,
        SKIP
    }

    record Outcome(Status status, String message) {}

    /** A kill-switch drill: how long the change took to show, and the function's poll interval if known. */
    record Drill(String function, long millis, int invocations, Optional<Duration> pollInterval) {
        String describe() {
            return function + " showed the new flag state after " + millis + " ms (" + invocations
                    + (invocations == 1 ? " invocation" : " invocations")
                    + pollInterval
                            .map(interval -> "; it polls its flags every " + interval.toSeconds() + " s")
                            .orElse("")
                    + ")";
        }
    }

    private final String testClass;
    private final String backend;
    private final Map<String, FlagState> runs = new LinkedHashMap<>(); // guarded by this
    private final Map<String, Map<String, Outcome>> results = new LinkedHashMap<>(); // test -> run -> outcome
    private final List<Drill> drills = new ArrayList<>();

    Summary(String testClass, String backend) {
        this.testClass = testClass;
        this.backend = backend;
    }

    synchronized void run(String run, FlagState state) {
        runs.putIfAbsent(run, state);
    }

    synchronized void result(String run, String test, Status status, String message) {
        results.computeIfAbsent(test, t -> new LinkedHashMap<>()).put(run, new Outcome(status, brief(message)));
    }

    /** A failure on one line, at most 300 characters: enough to recognise it in a table. */
    static String brief(String message) {
        if (message == null) {
            return null;
        }
        String line = message.strip().replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }

    synchronized Outcome outcome(String run, String test) {
        return results.getOrDefault(test, Map.of()).get(run);
    }

    synchronized void drill(Drill drill) {
        drills.add(drill);
    }

    synchronized FlagState baseline() {
        return runs.values().stream().findFirst().orElse(FlagState.empty());
    }

    /** A test that passes at the baseline (the first run) and fails in a run with one flag changed. */
    synchronized List<String> callouts() {
        List<String> callouts = new ArrayList<>();
        if (runs.size() < 2) {
            return callouts;
        }
        String baselineRun = runs.keySet().iterator().next();
        FlagState baseline = runs.get(baselineRun);
        results.forEach((test, byRun) -> {
            Outcome atBaseline = byRun.get(baselineRun);
            if (atBaseline == null || atBaseline.status() != Status.PASS) {
                return;
            }
            byRun.forEach((run, outcome) -> {
                if (outcome.status() == Status.FAIL || outcome.status() == Status.MISS) {
                    String flags = String.join(", ", changed(baseline, runs.get(run)));
                    callouts.add("mocked tests missed a case for " + flags + ": " + test + " passes with the baseline "
                            + baselineRun + " and fails with " + run
                            + (outcome.status() == Status.MISS ? " (expected miss)" : "") + ": " + outcome.message());
                }
            });
        });
        return callouts;
    }

    private static List<String> changed(FlagState baseline, FlagState run) {
        List<String> flags = new ArrayList<>();
        run.asMap().forEach((flag, value) -> {
            if (!value.equals(baseline.value(flag).orElse(null))) {
                flags.add(flag);
            }
        });
        return flags;
    }

    /** A plain-text table: one row per test, one column per flag run. */
    synchronized String table() {
        List<String> columns = new ArrayList<>(runs.keySet());
        int testWidth = Math.max(
                4, results.keySet().stream().mapToInt(String::length).max().orElse(4));
        StringBuilder out = new StringBuilder();
        out.append("flagtest e2e summary: ")
                .append(testClass)
                .append(" on ")
                .append(backend)
                .append('\n');
        for (int i = 0; i < columns.size(); i++) {
            out.append("  run ")
                    .append(i + 1)
                    .append(": ")
                    .append(columns.get(i))
                    .append('\n');
        }
        out.append(String.format("  %-" + testWidth + "s", "test"));
        for (int i = 0; i < columns.size(); i++) {
            out.append(String.format(" | %-6s", "run " + (i + 1)));
        }
        out.append('\n');
        results.forEach((test, byRun) -> {
            out.append(String.format("  %-" + testWidth + "s", test));
            for (String column : columns) {
                Outcome outcome = byRun.get(column);
                out.append(String.format(" | %-6s", outcome == null ? "-" : outcome.status()));
            }
            out.append('\n');
        });
        for (Drill drill : drills) {
            out.append("  kill-switch drill: ").append(drill.describe()).append('\n');
        }
        for (String callout : callouts()) {
            out.append("  ").append(callout).append('\n');
        }
        return out.toString();
    }

    synchronized ObjectNode json() {
        ObjectNode root = JSON.createObjectNode().put("class", testClass).put("backend", backend);
        ArrayNode runNodes = root.putArray("runs");
        runs.forEach((run, state) -> {
            ObjectNode node = runNodes.addObject().put("run", run);
            ObjectNode flags = node.putObject("flags");
            state.asMap().forEach((flag, value) -> flags.put(flag, String.valueOf(value)));
        });
        ArrayNode tests = root.putArray("results");
        results.forEach((test, byRun) -> byRun.forEach((run, outcome) -> tests.addObject()
                .put("test", test)
                .put("run", run)
                .put("status", outcome.status().name())
                .put("message", outcome.message())));
        ArrayNode drillNodes = root.putArray("drills");
        drills.forEach(drill -> drillNodes
                .addObject()
                .put("function", drill.function())
                .put("millis", drill.millis())
                .put("invocations", drill.invocations())
                .put(
                        "pollIntervalSeconds",
                        drill.pollInterval().map(Duration::toSeconds).orElse(null)));
        ArrayNode calloutNodes = root.putArray("callouts");
        callouts().forEach(calloutNodes::add);
        return root;
    }

    Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(testClass + ".json");
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the E2E summary to " + dir + ": " + e.getMessage(), e);
        }
    }
}
