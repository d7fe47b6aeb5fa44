package io.github.flagtest.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("flagtest:inventory")
class InventoryMojoTest {

    @TempDir
    Path root;

    private static final class CapturingLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add(content.toString());
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("WARN " + content);
        }
    }

    @Test
    @DisplayName("writes inventory.json where report reads it, a failing source a warning; report shows the sources")
    void failingSource() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // nothing listens there once closed
        }
        Path config = Files.writeString(root.resolve("inventory.json"), """
                {"sources": [{"name": "down", "region": "us-east-1", "endpoint": "http://127.0.0.1:%d"}]}
                """.formatted(port));
        InventoryMojo mojo = new InventoryMojo();
        CapturingLog log = new CapturingLog();
        mojo.setLog(log);
        mojo.config = config.toFile();
        mojo.basedir = root.toFile();
        mojo.outputDirectory = root.resolve("target/flagtest").toFile();

        mojo.execute();

        assertThat(root.resolve("target/flagtest/inventory.json")).exists();
        assertThat(log.lines).anyMatch(l -> l.startsWith("WARN flagtest inventory: source 'down' failed"));

        ReportMojo report = new ReportMojo();
        report.setLog(new CapturingLog());
        report.dirs = List.of(root.resolve("target/flagtest").toFile());
        report.outputDirectory = root.resolve("target/flagtest").toFile();
        report.execute();
        assertThat(Files.readString(root.resolve("target/flagtest/index.html"))).contains("Deployed (AWS AppConfig)");
    }

    @Test
    @DisplayName(
            "report-aggregate finds a target/flagtest that holds only inventory.json (the root's, from a cron job)")
    void aggregateFindsInventory() throws Exception {
        Path dir = Files.createDirectories(root.resolve("target/flagtest"));
        Files.writeString(dir.resolve("inventory.json"), "{}");
        Files.createDirectories(root.resolve("module/target/flagtest"));
        assertThat(ReportAggregateMojo.moduleDirs(root)).containsExactly(dir);
    }

    @Test
    @DisplayName("a bad config fails the build, naming the key")
    void badConfig() throws Exception {
        InventoryMojo mojo = new InventoryMojo();
        mojo.setLog(new CapturingLog());
        mojo.config = Files.writeString(root.resolve("c.json"), "{\"sources\": [{\"name\": \"x\"}]}")
                .toFile();
        mojo.outputDirectory = root.resolve("out").toFile();
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("sources[0].region: must be a non-blank string and is missing");
    }
}
