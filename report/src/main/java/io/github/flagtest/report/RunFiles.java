package io.github.flagtest.report;

import io.github.flagtest.shaded.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The record files of one report directory, grouped into builds. A run file whose header names a
 * build (the Maven build its JVM ran in: Surefire, Failsafe and their forks share it) belongs to
 * that build, however far apart its files were written. Files without one (IDE runs, files of
 * older versions) span from their header's {@code startedAt} to their last write; those whose spans
 * overlap (parallel forks, modules sharing a directory) belong to one build, so a file written after
 * another had finished belongs to a later build.
 */
final class RunFiles {

    /** File times can be coarse: spans this close count as overlapping. */
    private static final Duration SLACK = Duration.ofSeconds(1);

    private RunFiles() {}

    /** One run file: its span, its profile source and its build id (null without them). */
    record Run(Path file, Instant start, Instant end, String profile, String build) {}

    /** The run and E2E files of {@code dir} to read for {@code builds}. */
    static List<Path> select(Path dir, RunRecords.Builds builds) {
        List<Path> runFiles = list(dir.resolve("runs"), ".jsonl");
        List<Path> e2eFiles = list(dir.resolve("e2e"), ".json");
        if (builds == RunRecords.Builds.ALL) {
            List<Path> all = new ArrayList<>(runFiles);
            all.addAll(e2eFiles);
            return all;
        }
        List<List<Run>> grouped = group(runFiles.stream().map(RunFiles::run).toList());
        List<Path> selected = new ArrayList<>();
        Set<List<Run>> kept = new HashSet<>();
        if (builds == RunRecords.Builds.LATEST) {
            if (!grouped.isEmpty()) {
                List<Run> latest = grouped.get(grouped.size() - 1);
                kept.add(latest);
                latest.forEach(run -> selected.add(run.file()));
            }
        } else { // for each profile, its runs in the latest build that ran it
            Map<String, List<Run>> latestPerProfile = new TreeMap<>();
            for (List<Run> build : grouped) { // oldest first, so later builds win
                build.forEach(run -> latestPerProfile.put(String.valueOf(run.profile()), build));
            }
            latestPerProfile.forEach((profile, build) -> {
                kept.add(build);
                build.stream()
                        .filter(run -> profile.equals(String.valueOf(run.profile())))
                        .forEach(run -> selected.add(run.file()));
            });
        }
        for (Path e2e : e2eFiles) {
            if (belongsToKept(modified(e2e), grouped, kept)) {
                selected.add(e2e);
            }
        }
        return selected;
    }

    /** An E2E summary belongs to the latest build that had started when it was written. */
    private static boolean belongsToKept(Instant written, List<List<Run>> grouped, Set<List<Run>> kept) {
        List<Run> owner = null;
        for (List<Run> build : grouped) {
            if (!build.get(0).start().isAfter(written.plus(SLACK))) {
                owner = build;
            }
        }
        return owner == null ? grouped.isEmpty() : kept.contains(owner);
    }

    /**
     * Builds, oldest (first start) first: the runs of each build id, and the runs without one
     * sorted by start and joined while their spans overlap.
     */
    static List<List<Run>> group(List<Run> runs) {
        List<Run> sorted =
                runs.stream().sorted(Comparator.comparing(Run::start)).toList();
        List<List<Run>> builds = new ArrayList<>();
        Map<String, List<Run>> byId = new HashMap<>();
        List<Run> overlapping = null;
        Instant end = Instant.MIN;
        for (Run run : sorted) {
            if (run.build() != null) {
                byId.computeIfAbsent(run.build(), id -> {
                            List<Run> build = new ArrayList<>();
                            builds.add(build);
                            return build;
                        })
                        .add(run);
                continue;
            }
            if (overlapping == null || run.start().isAfter(end.plus(SLACK))) {
                overlapping = new ArrayList<>();
                builds.add(overlapping);
                end = run.end();
            }
            overlapping.add(run);
            if (run.end().isAfter(end)) {
                end = run.end();
            }
        }
        return builds; // each build was added at its first run, in order of start
    }

    private static Run run(Path file) {
        Instant end = modified(file);
        Instant start = end;
        String profile = null;
        String build = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first != null) {
                JsonNode header = Json.tree(first);
                if ("run".equals(header.path("kind").asText())) {
                    profile = header.path("profile").asText(null);
                    build = header.path("build").asText(null);
                    if (header.path("startedAt").isTextual()) {
                        start = Instant.parse(header.path("startedAt").asText());
                    }
                }
            }
        } catch (IOException | DateTimeParseException e) {
            // not a run header: RunRecords reports the file when it reads it
        }
        return new Run(file, start.isAfter(end) ? end : start, end, profile, build);
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the time of " + file, e);
        }
    }

    static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
