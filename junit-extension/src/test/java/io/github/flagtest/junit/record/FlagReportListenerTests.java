package io.github.flagtest.junit.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.junit.FlagMatrix;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

@DisplayName("report at the end of a run")
class FlagReportListenerTests {

    /** What the run printed, standard output then standard error. */
    private static String runThroughLauncher(Map<String, String> configuration) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ReportedFixture.class))
                .configurationParameters(configuration)
                .build();
        Launcher launcher = LauncherFactory.create();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            launcher.execute(request);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("the ServiceLoader-registered listener writes flags.json and index.html and prints one line")
    void writesReport(@TempDir Path dir) {
        String printed = runThroughLauncher(Map.of("flagtest.report.dir", dir.toString()));

        assertThat(dir.resolve("flags.json")).exists();
        assertThat(dir.resolve("index.html")).exists();
        assertThat(printed)
                .contains("flagtest report: " + dir.resolve("index.html") + " (2 flags, 0 retirement candidates)");
    }

    @Test
    @DisplayName("flagtest.report=false writes nothing")
    void off(@TempDir Path dir) throws Exception {
        String printed = runThroughLauncher(Map.of("flagtest.report.dir", dir.toString(), "flagtest.report", "false"));

        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(printed).doesNotContain("flagtest report:");
    }

    @Test
    @DisplayName("a report that cannot be written says so in one line, with the reason, and the records stay")
    void cannotWrite(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("flags.json")); // a directory where the report's file must go

        String printed = runThroughLauncher(Map.of("flagtest.report.dir", dir.toString()));

        assertThat(printed)
                .contains("flagtest: no flag report written to " + dir.toAbsolutePath() + ": ")
                .contains("flags.json")
                .contains("this run's records stay in " + dir.resolve("runs").toAbsolutePath())
                .doesNotContain("flagtest report:");
        try (var runs = Files.list(dir.resolve("runs"))) {
            assertThat(runs)
                    .singleElement()
                    .satisfies(file ->
                            assertThat(Files.readAllLines(file)).hasSize(5)); // the header and the matrix's four tests
        }
    }

    static class ReportedFixture {
        @FlagMatrix({"loyalty-points", "free-shipping"})
        void matrix(FakeFlags flags) {
            flags.isEnabled("loyalty-points");
            flags.isEnabled("free-shipping");
        }
    }
}
