package io.github.flagtest.maven;

import io.github.flagtest.report.FlagReport;
import io.github.flagtest.report.RunRecords;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Merges flagtest run directories (this module's, and any others: CI profile runs, E2E summaries)
 * into one {@code flags.json} and {@code index.html}.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>io.github.flagtest</groupId>
 *   <artifactId>flagtest-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>report</goal></goals></execution></executions>
 * </plugin>
 * }</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractMojo {

    /** The run directories to merge; by default this module's {@code target/flagtest}. */
    @Parameter(property = "flagtest.report.dirs", defaultValue = "${project.build.directory}/flagtest")
    List<File> dirs;

    /** Where {@code flags.json} and {@code index.html} go. */
    @Parameter(property = "flagtest.report.output", defaultValue = "${project.build.directory}/flagtest")
    File outputDirectory;

    /** Skip the report. */
    @Parameter(property = "flagtest.report.skip", defaultValue = "false")
    boolean skip;

    /** Created by Maven. */
    public ReportMojo() {}

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("flagtest report skipped");
            return;
        }
        write(runDirs(), output());
    }

    /** The run directories this goal merges. */
    List<Path> runDirs() throws MojoExecutionException {
        return dirs.stream().map(File::toPath).toList();
    }

    /** The builds of each directory this goal reads: the newest one, not the leftovers of earlier builds. */
    RunRecords.Builds builds() {
        return RunRecords.Builds.LATEST;
    }

    /** Where this goal writes the report. */
    Path output() {
        return outputDirectory.toPath();
    }

    void write(List<Path> runDirs, Path output) throws MojoExecutionException {
        List<Path> existing = runDirs.stream().filter(Files::isDirectory).toList();
        if (existing.isEmpty()) {
            getLog().info("flagtest report: no run records in " + runDirs + "; run the tests first");
            return;
        }
        try {
            RunRecords records = RunRecords.read(existing, builds());
            FlagReport report = FlagReport.of(records);
            Path page = report.write(output);
            getLog().info(report.summaryLine(page) + " from " + records.tests() + " tests in " + existing.size()
                    + " director" + (existing.size() == 1 ? "y" : "ies"));
        } catch (RuntimeException e) {
            throw new MojoExecutionException("flagtest report failed: " + e.getMessage(), e);
        }
    }
}
