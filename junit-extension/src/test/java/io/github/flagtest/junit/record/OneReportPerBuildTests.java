package io.github.flagtest.junit.record;

import static io.github.flagtest.junit.record.BuildProcesses.Fork.DIRECT;
import static io.github.flagtest.junit.record.BuildProcesses.Fork.IN_PROCESS;
import static io.github.flagtest.junit.record.BuildProcesses.Fork.SHELL;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.report.RunRecords;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real process trees: a stand-in Maven JVM runs its tests in-process ({@code forkCount=0}), in a
 * child JVM and through {@code /bin/sh -c}, as Surefire and Failsafe do; each run reads a flag named
 * after it, so the report shows which runs it merged.
 */
@DisplayName("one report per Maven build")
class OneReportPerBuildTests {

    @Test
    @DisplayName("the runs of one build merge though an hour apart; an earlier build's runs are left out")
    void oneBuildMergesTwoBuildsDoNot(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("build.log");
        BuildProcesses.maven(dir, log, List.of("first-surefire", "first-failsafe"), List.of(IN_PROCESS, SHELL));
        BuildProcesses.age(dir.resolve("runs"), Duration.ofHours(2));

        BuildProcesses.maven(dir, log, List.of("second-surefire", "second-failsafe"), List.of(DIRECT, SHELL));

        assertThat(builds(dir)).hasSize(2).doesNotContainNull();
        assertThat(RunRecords.read(List.of(dir), RunRecords.Builds.LATEST).tests())
                .isEqualTo(2);
        assertThat(Files.readString(dir.resolve("flags.json")))
                .as("the report the second build's last JVM wrote")
                .contains("second-surefire", "second-failsafe")
                .doesNotContain("first-surefire", "first-failsafe");
    }

    @Test
    @DisplayName("a JVM that no Maven started (an IDE run) records no build")
    void outsideMaven(@TempDir Path dir) throws Exception {
        BuildProcesses.outsideMaven(dir, dir.resolve("run.log"), "ide-run");

        assertThat(builds(dir)).containsExactly((String) null);
    }

    @Test
    @DisplayName("a JVM that the Maven daemon (mvnd, which outlives builds) started records no build")
    void underMvnd(@TempDir Path dir) throws Exception {
        BuildProcesses.maven(
                dir,
                dir.resolve("mvnd.log"),
                List.of("mvnd-run"),
                List.of(DIRECT),
                List.of( // as mvnd's DaemonConnector starts its daemon
                        "-Dmvnd.home=" + dir, "-Dclassworlds.conf=" + dir.resolve("bin/mvnd-daemon.conf")));

        assertThat(builds(dir)).containsExactly((String) null);
    }

    /** The build id of each run file's header. */
    private static List<String> builds(Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(dir.resolve("runs"))) {
            return files.sorted()
                    .map(file -> {
                        try (Stream<String> lines = Files.lines(file)) {
                            JsonNode header = json.readTree(lines.findFirst().orElseThrow());
                            return header.path("build").asText(null);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .distinct()
                    .toList();
        }
    }
}
