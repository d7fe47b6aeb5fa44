package io.github.flagtest.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("InventoryCli and the inventory config")
class InventoryCliTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return InventoryCli.run(
                args,
                dir,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Nested
    @DisplayName("when the config is valid")
    class Valid {

        @Test
        @DisplayName("exits 0 and writes inventory.json into --out even when every source failed")
        void failedSource() throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Files.writeString(dir.resolve("config.json"), """
                    {"sources": [{"name": "down", "region": "us-east-1", "endpoint": "http://127.0.0.1:%d"}]}
                    """.formatted(port));
            assertThat(run("--config", "config.json", "--out", "report")).isZero();
            assertThat(dir.resolve("report/inventory.json")).exists();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 source, 1 failed, 0 deployments");
            assertThat(err()).contains("source 'down' failed");
        }
    }

    @Nested
    @DisplayName("when misconfigured (exit 2 with a message)")
    class Misconfigured {

        @Test
        @DisplayName("no --config")
        void noConfig() {
            assertThat(run()).isEqualTo(2);
            assertThat(err()).contains("--config is missing", InventoryCli.USAGE);
        }

        @Test
        @DisplayName("a config that is not JSON, or has no sources")
        void notJson() throws IOException {
            Files.writeString(dir.resolve("c.json"), "{\"sources\": []}");
            assertThat(run("--config", "c.json")).isEqualTo(2);
            assertThat(err()).contains("bad config", "\"sources\" must be a non-empty array");
        }

        @Test
        @DisplayName("credentials in the config are refused, naming the way to give them")
        void credentials() {
            assertThatThrownBy(() -> InventoryConfig.parse(
                            "{\"sources\": [{\"name\": \"p\", \"region\": \"eu-west-1\", \"secretAccessKey\": \"x\"}]}",
                            "inv.json"))
                    .isInstanceOf(InventoryConfigException.class)
                    .hasMessageContaining("inv.json: sources[0]: \"secretAccessKey\" looks like a credential")
                    .hasMessageContaining("\"profile\"");
        }

        @Test
        @DisplayName("unknown keys, bad regions, role ARNs, endpoints, duplicate names and retireAfterDays")
        void keys() {
            assertThatThrownBy(() -> InventoryConfig.parse(
                            "{\"sources\": [{\"name\": \"p\", \"region\": \"eu-west-1\", \"acount\": 1}]}", "c"))
                    .hasMessageContaining("unknown key \"acount\"");
            assertThatThrownBy(() ->
                            InventoryConfig.parse("{\"sources\": [{\"name\": \"p\", \"region\": \"Europe\"}]}", "c"))
                    .hasMessageContaining("sources[0].region: 'Europe' is not an AWS region name");
            assertThatThrownBy(() -> InventoryConfig.parse(
                            "{\"sources\": [{\"name\": \"p\", \"region\": \"eu-west-1\", \"roleArn\": \"flag-reader\"}]}",
                            "c"))
                    .hasMessageContaining("is not an IAM role ARN");
            assertThatThrownBy(() -> InventoryConfig.parse(
                            "{\"sources\": [{\"name\": \"p\", \"region\": \"eu-west-1\", \"endpoint\": \"localhost\"}]}",
                            "c"))
                    .hasMessageContaining("is not an http(s) URL");
            assertThatThrownBy(() -> InventoryConfig.parse(
                            "{\"sources\": [{\"name\": \"p\", \"region\": \"eu-west-1\"}, {\"name\": \"p\", \"region\": \"eu-west-2\"}]}",
                            "c"))
                    .hasMessageContaining("the name 'p' is used twice");
            assertThatThrownBy(() -> InventoryConfig.parse(
                            "{\"sources\": [{\"name\": \"p\", \"region\": \"eu-west-1\"}], \"retireAfterDays\": 0}",
                            "c"))
                    .hasMessageContaining("\"retireAfterDays\" must be a whole number of days, at least 1");
        }

        @Test
        @DisplayName(
                "the CI sample's config (samples/ci/flagtest-inventory.json) is valid and names a document that exists")
        void sample() {
            Path root = Path.of("").toAbsolutePath().getParent();
            InventoryConfig config = InventoryConfig.read(root.resolve("samples/ci/flagtest-inventory.json"));
            assertThat(config.sources()).hasSize(2);
            assertThat(root.resolve(config.repository().get("prod"))).exists();
        }

        @Test
        @DisplayName("the defaults: every application, 28 days")
        void defaults() {
            InventoryConfig config =
                    InventoryConfig.parse("{\"sources\": [{\"name\": \"p\", \"region\": \"eu-west-1\"}]}", "c");
            assertThat(config.applications()).isEmpty();
            assertThat(config.retireAfterDays()).isEqualTo(28);
        }
    }
}
