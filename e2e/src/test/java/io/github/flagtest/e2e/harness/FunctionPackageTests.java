package io.github.flagtest.e2e.harness;

import static io.github.flagtest.e2e.harness.LambdaE2EExtensionTests.failure;
import static io.github.flagtest.e2e.harness.LambdaE2EExtensionTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.flagtest.e2e.DeployedFunction;
import io.github.flagtest.e2e.LambdaE2E;
import io.github.flagtest.e2e.fixtures.FailingInitHandler;
import io.github.flagtest.e2e.fixtures.PackageProbeHandler;
import io.github.flagtest.junit.FlagMatrix;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@DisplayName("@LambdaE2E function packages")
class FunctionPackageTests {

    /** Where {@link AttributeFixture} finds its package, from the module directory. */
    static final String PACKAGE = "target/flagtest-test-packages/probe.zip";

    static final String PROBE = "io.github.flagtest.e2e.fixtures.PackageProbeHandler::handleRequest";

    /**
     * A Lambda zip of {@link PackageProbeHandler}: its class and a marker at the root, the Lambda core
     * library under lib/. The test class path has no marker, so the answer tells which code ran.
     */
    static void probePackage(Path zip) throws IOException, URISyntaxException {
        Files.createDirectories(zip.getParent());
        String handlerClass = PackageProbeHandler.class.getName().replace('.', '/') + ".class";
        Path core = Path.of(RequestHandler.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry(handlerClass));
            try (var in = PackageProbeHandler.class.getClassLoader().getResourceAsStream(handlerClass)) {
                in.transferTo(out);
            }
            out.putNextEntry(new ZipEntry("package-marker.txt"));
            out.write("from the package".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("lib/" + core.getFileName()));
            Files.copy(core, out);
        }
    }

    @Nested
    @DisplayName("named explicitly")
    class Named {

        @AfterEach
        void deletePackage() throws IOException {
            Files.deleteIfExists(Path.of(PACKAGE));
        }

        @Test
        @DisplayName("functionPackage deploys that zip and nothing of the test class path")
        void attribute(@TempDir Path dir) throws Exception {
            probePackage(Path.of(PACKAGE));

            EngineExecutionResults results = run(AttributeFixture.class, dir);

            results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
            assertThat(EmbeddedBackendTest.childJvms()).isEmpty();
        }

        @Test
        @DisplayName("flagtest.e2e.package names the package when the annotation does not")
        void setting(@TempDir Path dir) throws Exception {
            Path zip = dir.resolve("probe.zip");
            probePackage(zip);

            EngineExecutionResults results =
                    run(SettingFixture.class, dir, Map.of(FunctionPackages.SETTING, zip.toString()));

            results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        }

        @Test
        @DisplayName("a package that does not exist stops the class, naming the attribute and the path")
        void missing(@TempDir Path dir) {
            EngineExecutionResults results = run(MissingFixture.class, dir);

            assertThat(failure(results))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageStartingWith("@LambdaE2E(functionPackage = \"target/no-such-function.zip\") on "
                            + "MissingFixture: no file ")
                    .hasMessageContaining("build the package first");
        }
    }

    @Nested
    @DisplayName("found in target/")
    class Found {

        @Test
        @DisplayName("Quarkus's target/function.zip, built after target/classes, is the package")
        void functionZip(@TempDir Path module) throws Exception {
            Path classes = Files.createDirectories(module.resolve("target/classes"));
            Files.writeString(classes.resolve("Handler.class"), "");
            Path zip = module.resolve("target/function.zip");
            Files.writeString(zip, "");
            age(classes.resolve("Handler.class"));

            assertThat(choose(module)).contains(zip);
        }

        @Test
        @DisplayName("a package older than target/classes is stale: the class path is deployed")
        void stale(@TempDir Path module) throws Exception {
            Path classes = Files.createDirectories(module.resolve("target/classes"));
            Path zip = module.resolve("target/function.zip");
            Files.writeString(zip, "");
            age(zip);
            Files.writeString(classes.resolve("Handler.class"), "");

            assertThat(choose(module)).isEmpty();
        }

        @Test
        @DisplayName("an uber runner jar is the package; a legacy one, beside target/lib, is not")
        void runnerJar(@TempDir Path module) throws Exception {
            Path jar = Files.writeString(
                    Files.createDirectories(module.resolve("target")).resolve("shop-1.0-runner.jar"), "");

            assertThat(choose(module)).contains(jar);

            Files.createDirectories(module.resolve("target/lib"));
            assertThat(choose(module)).isEmpty();
        }

        private Optional<Path> choose(Path module) {
            return FunctionPackages.choose(
                    SettingFixture.class.getAnnotation(LambdaE2E.class), Optional.empty(), module, "SettingFixture");
        }

        private void age(Path file) throws IOException {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3_600)));
        }
    }

    @Test
    @DisplayName(
            "a function that fails at start-up fails the baseline with its init error and log; the other runs are skipped")
    void startFailure(@TempDir Path dir) {
        EngineExecutionResults results = run(FailingStartFixture.class, dir);

        results.testEvents().assertStatistics(s -> s.started(3).failed(1).aborted(2));
        assertThat(failure(results))
                .hasMessageContaining("failed to start at the baseline")
                .hasMessageContaining("java.lang.ExceptionInInitializerError: Error loading class "
                        + FailingInitHandler.class.getName())
                .hasMessageContaining("its log:")
                .hasMessageContaining("init: reading the configuration")
                .hasMessageContaining("no configuration at init");
        assertThat(EmbeddedBackendTest.childJvms()).isEmpty();
    }

    @Test
    @DisplayName("a Quarkus function that could not boot fails the baseline with Quarkus's reason")
    void quarkusBootFailure(@TempDir Path dir) {
        EngineExecutionResults results = run(FailedBootFixture.class, dir);

        results.testEvents().assertStatistics(s -> s.started(3).failed(1).aborted(2));
        assertThat(failure(results))
                .hasMessageContaining("failed to start at the baseline")
                .hasMessageContaining("java.io.IOException: Quarkus bootstrap failed.")
                .hasMessageContaining("ClassNotFoundException: io.quarkus.runner.ApplicationImpl")
                .hasMessageContaining("booting the application");
    }

    @Test
    @DisplayName("a handler that fails at run time, not at start-up, fails only its own tests")
    void handlerFailure(@TempDir Path dir) {
        EngineExecutionResults results = run(LambdaE2EExtensionTests.MissedCaseFixture.class, dir);

        results.testEvents()
                .assertStatistics(s -> s.started(6).succeeded(5).failed(1).aborted(0));
        assertThat(failure(results)).hasMessageNotContaining("failed to start");
    }

    @LambdaE2E(
            handler = "io.github.flagtest.e2e.fixtures.FailedBootHandler::handleRequest",
            flags = "flags/greeting.json")
    @FlagMatrix(strategy = FlagMatrix.Strategy.ONE_AT_A_TIME)
    static class FailedBootFixture {
        @Test
        void answers(DeployedFunction function) {
            assertThat(function.invoke("{}").functionError()).isNull();
        }
    }

    @LambdaE2E(handler = PROBE, functionPackage = PACKAGE)
    static class AttributeFixture {
        @Test
        void runsThePackage(DeployedFunction probe) {
            assertThat(probe.invoke("{}").payload()).isEqualTo("\"from the package\"");
        }
    }

    @LambdaE2E(handler = PROBE)
    static class SettingFixture {
        @Test
        void runsThePackage(DeployedFunction probe) {
            assertThat(probe.invoke("{}").payload()).isEqualTo("\"from the package\"");
        }
    }

    @LambdaE2E(handler = PROBE, functionPackage = "target/no-such-function.zip")
    static class MissingFixture {
        @Test
        void test() {}
    }

    @LambdaE2E(
            handler = "io.github.flagtest.e2e.fixtures.FailingInitHandler::handleRequest",
            flags = "flags/greeting.json")
    @FlagMatrix(strategy = FlagMatrix.Strategy.ONE_AT_A_TIME)
    static class FailingStartFixture {
        @Test
        void answers(DeployedFunction function) {
            assertThat(function.invoke("{}").functionError()).isNull();
        }
    }
}
