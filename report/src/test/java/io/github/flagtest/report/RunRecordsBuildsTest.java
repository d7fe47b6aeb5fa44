package io.github.flagtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("run records of several builds in one directory")
class RunRecordsBuildsTest {

    static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path dir;

    /**
     * Yesterday's prod build, then a dev build, then today's prod build run as two parallel forks
     * (overlapping spans), and an E2E summary written during the dev build.
     */
    @BeforeEach
    void builds() throws Exception {
        run("old-prod", "prod", T.minusSeconds(86_400), T.minusSeconds(86_380), "stale");
        run("dev", "dev", T, T.plusSeconds(30), "dev-test");
        run("fork-1", "prod", T.plusSeconds(100), T.plusSeconds(130), "fork-1-test");
        run("fork-2", "prod", T.plusSeconds(105), T.plusSeconds(125), "fork-2-test");
        Files.createDirectories(dir.resolve("e2e"));
        Path e2e = dir.resolve("e2e/com.example.E2ETest.json");
        Files.writeString(e2e, "{\"runs\":[],\"results\":[]}");
        Files.setLastModifiedTime(e2e, FileTime.from(T.plusSeconds(20)));
    }

    @Test
    @DisplayName("LATEST reads the newest build: both parallel forks, nothing of earlier builds")
    void latest() {
        RunRecords records = RunRecords.read(List.of(dir), RunRecords.Builds.LATEST);

        assertThat(records.tests()).isEqualTo(2);
        assertThat(records.flags).containsOnlyKeys("fork-1-test", "fork-2-test");
        assertThat(records.e2eClassNames).isEmpty();
    }

    @Test
    @DisplayName("LATEST_PER_PROFILE reads each profile's newest build, with the E2E summaries written in it")
    void latestPerProfile() {
        RunRecords records = RunRecords.read(List.of(dir), RunRecords.Builds.LATEST_PER_PROFILE);

        assertThat(records.flags).containsOnlyKeys("dev-test", "fork-1-test", "fork-2-test");
        assertThat(records.profiles).containsExactly("dev", "prod");
        assertThat(records.e2eClassNames).hasSize(1);
    }

    @Test
    @DisplayName("ALL reads every file")
    void all() {
        assertThat(RunRecords.read(List.of(dir), RunRecords.Builds.ALL).flags).hasSize(4);
    }

    @Nested
    @DisplayName("with Maven build ids")
    class BuildIds {

        @Test
        @DisplayName("LATEST merges the Surefire and Failsafe files of one build written half an hour apart")
        void oneBuild() throws Exception {
            run("surefire", "prod", T.plusSeconds(1_000), T.plusSeconds(1_060), "unit-test", "maven-42-1");
            run("failsafe", "prod", T.plusSeconds(2_800), T.plusSeconds(2_900), "e2e-test", "maven-42-1");

            RunRecords records = RunRecords.read(List.of(dir), RunRecords.Builds.LATEST);

            assertThat(records.flags).containsOnlyKeys("unit-test", "e2e-test");
        }

        @Test
        @DisplayName("LATEST leaves out an earlier build whose files overlap in time with the newest one")
        void twoBuilds() throws Exception {
            run("first", "prod", T.plusSeconds(1_000), T.plusSeconds(1_060), "first-build", "maven-42-1");
            run("second", "prod", T.plusSeconds(1_050), T.plusSeconds(1_100), "second-build", "maven-43-2");

            RunRecords records = RunRecords.read(List.of(dir), RunRecords.Builds.LATEST);

            assertThat(records.flags).containsOnlyKeys("second-build");
        }

        @Test
        @DisplayName("a build's E2E summary written between its Surefire and Failsafe runs is kept")
        void e2eSummary() throws Exception {
            run("surefire", "prod", T.plusSeconds(1_000), T.plusSeconds(1_060), "unit-test", "maven-42-1");
            run("failsafe", "prod", T.plusSeconds(2_800), T.plusSeconds(2_900), "e2e-test", "maven-42-1");
            Path e2e = dir.resolve("e2e/com.example.E2ETest.json");
            Files.setLastModifiedTime(e2e, FileTime.from(T.plusSeconds(2_000)));

            assertThat(RunRecords.read(List.of(dir), RunRecords.Builds.LATEST).e2eClassNames)
                    .hasSize(1);
        }
    }

    private void run(String name, String profile, Instant start, Instant end, String flag) throws Exception {
        run(name, profile, start, end, flag, null);
    }

    /** A run file whose one test pins a flag named after the file, so each file's records are visible. */
    private void run(String name, String profile, Instant start, Instant end, String flag, String build)
            throws Exception {
        Files.createDirectories(dir.resolve("runs"));
        Path file = dir.resolve("runs/tests-" + name + ".jsonl");
        Files.writeString(
                file,
                "{\"kind\":\"run\",\"startedAt\":\"" + start + "\",\"build\":"
                        + (build == null ? "null" : "\"" + build + "\"") + ",\"profile\":\"classpath:flags/"
                        + profile + ".json\"}\n{\"kind\":\"test\",\"class\":\"X\",\"displayName\":\"t\",\"state\":{\""
                        + flag
                        + "\":true}}\n");
        Files.setLastModifiedTime(file, FileTime.from(end));
    }
}
