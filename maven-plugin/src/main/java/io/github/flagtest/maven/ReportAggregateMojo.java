package io.github.flagtest.maven;

import io.github.flagtest.report.RunRecords;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * One report for a multi-module build: merges every {@code target/flagtest} under the build's root
 * directory, plus any extra run directories (for example downloaded CI artifacts of the dev,
 * staging and prod profile jobs).
 *
 * <pre>{@code
 * mvn verify io.github.flagtest:flagtest-maven-plugin:0.1.0-SNAPSHOT:report-aggregate \
 *     -Dflagtest.report.dirs=ci/dev/flagtest,ci/prod/flagtest
 * }</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "report-aggregate", aggregator = true, threadSafe = true)
public class ReportAggregateMojo extends ReportMojo {

    private static final Set<String> SKIPPED = Set.of(".git", "node_modules", "src", ".idea");

    /** The directory searched for modules' {@code target/flagtest} directories. */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    File root;

    /** Extra run directories to merge. */
    @Parameter(property = "flagtest.report.dirs")
    List<File> extraDirs;

    /** Where the merged report goes. */
    @Parameter(
            property = "flagtest.report.output",
            defaultValue = "${session.executionRootDirectory}/target/flagtest-aggregate")
    File aggregateOutput;

    /** Created by Maven. */
    public ReportAggregateMojo() {}

    @Override
    List<Path> runDirs() throws MojoExecutionException {
        List<Path> runDirs = new ArrayList<>(moduleDirs(root.toPath()));
        if (extraDirs != null) {
            extraDirs.forEach(dir -> runDirs.add(dir.toPath()));
        }
        return runDirs;
    }

    /** For each profile, the newest build that ran it: the CI profile runs merge, stale builds do not. */
    @Override
    RunRecords.Builds builds() {
        return RunRecords.Builds.LATEST_PER_PROFILE;
    }

    @Override
    Path output() {
        return aggregateOutput.toPath();
    }

    /** Every {@code target/flagtest} with run records or an inventory under {@code root}, at most six levels deep. */
    static List<Path> moduleDirs(Path root) throws MojoExecutionException {
        try (Stream<Path> paths = Files.walk(root, 6)) {
            return paths.filter(Files::isDirectory)
                    .filter(p -> p.getFileName() != null
                            && p.getFileName().toString().equals("flagtest"))
                    .filter(p -> p.getParent() != null
                            && p.getParent().getFileName().toString().equals("target"))
                    .filter(p -> Files.isDirectory(p.resolve("runs"))
                            || Files.isDirectory(p.resolve("e2e"))
                            || Files.isRegularFile(p.resolve("inventory.json")))
                    .filter(p -> java.util.stream.StreamSupport.stream(
                                    root.relativize(p).spliterator(), false)
                            .noneMatch(part -> SKIPPED.contains(part.toString())))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Cannot search " + root + " for flagtest run directories: " + e.getMessage(), e);
        }
    }
}
