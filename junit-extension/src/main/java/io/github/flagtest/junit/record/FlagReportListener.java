package io.github.flagtest.junit.record;

import io.github.flagtest.junit.context.Settings;
import io.github.flagtest.report.FlagReport;
import io.github.flagtest.report.RunRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes {@code flags.json} and {@code index.html} into {@code flagtest.report.dir} at the end of a
 * test run, from the records this run wrote, and prints one line saying where. Registered through
 * {@code ServiceLoader}; {@code flagtest.report=false} turns it off. Merging several runs (modules,
 * CI profiles) is the Maven plugin's {@code report-aggregate} goal. Records of earlier builds in the
 * same directory are left out; those of parallel forks of this build are merged.
 *
 * <p>Internal to flagtest's JUnit extension, public for JUnit's ServiceLoader; not API.
 *
 * @since 0.1.0
 */
public final class FlagReportListener implements TestExecutionListener {

    private FileTime started = FileTime.fromMillis(0);

    /** Created by the JUnit Platform. */
    public FlagReportListener() {}

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        // file times can be coarse: anything written from one second before this run counts
        started = FileTime.fromMillis(System.currentTimeMillis() - 1_000);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        ConfigurationParameters config = testPlan.getConfigurationParameters();
        if (!config.getBoolean(Settings.REPORT).orElse(true)) {
            return;
        }
        Path dir = Path.of(config.get(Settings.REPORT_DIR).orElse("target/flagtest"));
        try {
            if (!wroteRecords(dir.resolve("runs"))) {
                return; // no flagtest test ran here: leave the last report alone
            }
            // this run's build: its own file and those of forks running beside it, not earlier builds
            RunRecords records = RunRecords.read(List.of(dir), RunRecords.Builds.LATEST);
            if (records.tests() == 0) {
                return;
            }
            FlagReport report = FlagReport.of(records);
            Path page = report.write(dir);
            System.out.println(report.summaryLine(page.toAbsolutePath()));
        } catch (RuntimeException | LinkageError e) {
            // JUnit would only log a listener's exception, which a build's output easily hides
            System.err.println("flagtest: no flag report written to " + dir.toAbsolutePath() + ": " + e
                    + "; this run's records stay in " + dir.resolve("runs").toAbsolutePath()
                    + " (the flagtest-maven-plugin's report goal rebuilds the report from them)");
        }
    }

    private boolean wroteRecords(Path runs) {
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (Stream<Path> files = Files.list(runs)) {
            return files.anyMatch(file -> modifiedSinceStart(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + runs, e);
        }
    }

    private boolean modifiedSinceStart(Path file) {
        try {
            return Files.getLastModifiedTime(file).compareTo(started) >= 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the time of " + file, e);
        }
    }
}
