package io.github.flagtest.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("flagtest-maven-plugin")
class ReportMojoTest {

    @TempDir
    Path root;

    /** A module's run directory with one test record under {@code profile}. */
    private Path runDir(String module, String profile, boolean on) throws Exception {
        Path dir = Files.createDirectories(root.resolve(module).resolve("target/flagtest/runs"));
        Files.writeString(
                dir.resolve("tests-" + profile + ".jsonl"),
                String.join(
                        "\n",
                        "{\"kind\":\"run\",\"profile\":\"classpath:flags/" + profile
                                + ".json\",\"profileValues\":{\"sms\":" + on + "}}",
                        "{\"kind\":\"test\",\"class\":\"a.NotifyTest\",\"displayName\":\"sends\",\"state\":{\"sms\":"
                                + on
                                + "},\"evaluations\":[{\"flag\":\"sms\",\"value\":\"" + (on ? "ON" : "OFF")
                                + "\",\"class\":\"a.Notify\",\"method\":\"send\",\"site\":\"Notify.java:9\",\"line\":9,\"count\":1}]}",
                        ""));
        return dir.getParent();
    }

    private static final class CapturingLog extends SystemStreamLog {
        final List<String> infos = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            infos.add(content.toString());
        }
    }

    @Test
    @DisplayName("report merges several run directories, e.g. CI profile runs, into one page")
    void report() throws Exception {
        ReportMojo mojo = new ReportMojo();
        CapturingLog log = new CapturingLog();
        mojo.setLog(log);
        mojo.dirs = List.of(
                runDir("dev", "dev", true).toFile(),
                runDir("prod", "prod", false).toFile());
        mojo.outputDirectory = root.resolve("out").toFile();

        mojo.execute();

        assertThat(root.resolve("out/index.html")).exists();
        assertThat(Files.readString(root.resolve("out/flags.json")))
                .contains("\"dev\" : \"ON\"")
                .contains("\"prod\" : \"OFF\"");
        assertThat(log.infos)
                .singleElement()
                .asString()
                .startsWith("flagtest report: " + root.resolve("out/index.html") + " (1 flag, 0 retirement candidates)")
                .endsWith("from 2 tests in 2 directories");
    }

    @Test
    @DisplayName("report says so when there are no records, and skip skips")
    void nothingToDo() throws Exception {
        ReportMojo mojo = new ReportMojo();
        CapturingLog log = new CapturingLog();
        mojo.setLog(log);
        mojo.dirs = List.of(root.resolve("missing").toFile());
        mojo.outputDirectory = root.resolve("out").toFile();
        mojo.execute();
        mojo.skip = true;
        mojo.execute();

        assertThat(log.infos)
                .containsExactly(
                        "flagtest report: no run records in [" + root.resolve("missing") + "]; run the tests first",
                        "flagtest report skipped");
        assertThat(root.resolve("out")).doesNotExist();
    }

    @Test
    @DisplayName("report-aggregate finds every module's target/flagtest with records, and merges extra dirs")
    void aggregate() throws Exception {
        Path orders = runDir("orders", "dev", true);
        Path notifications = runDir("samples/notifications", "prod", false);
        Files.createDirectories(root.resolve("empty/target/flagtest"));
        Path extra = runDir("ci-artifacts/staging", "staging", true);

        assertThat(ReportAggregateMojo.moduleDirs(root))
                .contains(orders, notifications, extra)
                .doesNotContain(root.resolve("empty/target/flagtest"));

        ReportAggregateMojo mojo = new ReportAggregateMojo();
        mojo.setLog(new CapturingLog());
        mojo.root = root.resolve("samples").toFile();
        mojo.extraDirs = List.of(orders.toFile());
        mojo.aggregateOutput = root.resolve("aggregate").toFile();
        mojo.execute();

        String json = Files.readString(root.resolve("aggregate/flags.json"));
        assertThat(json).contains("\"tests\" : 2").contains("\"dev\" : \"ON\"").contains("\"prod\" : \"OFF\"");
        assertThat(new File(mojo.aggregateOutput, "index.html")).exists();
    }
}
