package io.github.flagtest.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.flagtest.e2e.DeployedFunction;
import io.github.flagtest.e2e.FlagLocation;
import io.github.flagtest.e2e.InvocationResult;
import io.github.flagtest.e2e.LambdaE2E;
import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

@DisplayName("@LambdaE2E")
class LambdaE2EExtensionTests {

    static EngineExecutionResults run(Class<?> fixture, Path reportDir) {
        return run(fixture, reportDir, Map.of());
    }

    static EngineExecutionResults run(Class<?> fixture, Path reportDir, Map<String, String> settings) {
        Map<String, String> configuration = new java.util.HashMap<>(Map.of(
                "flagtest.report", "false",
                "flagtest.report.dir", reportDir.toString(),
                "flagtest.e2e.backend", "embedded"));
        configuration.putAll(settings);
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(configuration)
                .selectors(selectClass(fixture))
                .execute();
    }

    static Throwable failure(EngineExecutionResults results) {
        Event failed = results.allEvents().failed().list().get(0);
        return failed.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow();
    }

    @Nested
    @DisplayName("with a matrix")
    class WithMatrix {

        @Test
        @DisplayName(
                "runs the baseline and each flag ON alone, writes the summary JSON with the missed case, leaves no JVM")
        void summary(@TempDir Path dir) throws Exception {
            EngineExecutionResults results = run(MissedCaseFixture.class, dir);

            results.testEvents().assertStatistics(s -> s.started(6).succeeded(5).failed(1));
            JsonNode summary = new io.github.flagtest.shaded.jackson.databind.ObjectMapper()
                    .readTree(
                            Files.readString(dir.resolve("e2e").resolve(MissedCaseFixture.class.getName() + ".json")));
            assertThat(summary.get("backend").asText()).isEqualTo("embedded");
            assertThat(summary.get("runs")).hasSize(3);
            assertThat(summary.get("results")).hasSize(6);
            assertThat(summary.get("callouts")).hasSize(1);
            assertThat(summary.get("callouts").get(0).asText())
                    .startsWith("mocked tests missed a case for strict-names: greetsAStranger passes with the baseline "
                            + "[loud=OFF, strict-names=OFF] and fails with [loud=OFF, strict-names=ON]: ");
            assertThat(EmbeddedBackendTest.childJvms()).isEmpty();
        }

        @Test
        @DisplayName("records an @ExpectedMiss failure as EXPECTED_MISS in the run records, the report's input")
        void expectedMissRecorded(@TempDir Path dir) throws Exception {
            EngineExecutionResults results = run(ExpectedMissFixture.class, dir, Map.of("flagtest.report", "true"));

            results.testEvents().assertStatistics(s -> s.started(6).succeeded(5).aborted(1));
            java.util.List<String> outcomes = new java.util.ArrayList<>();
            try (var files = Files.list(dir.resolve("runs"))) {
                for (Path file : files.toList()) {
                    for (String line : Files.readAllLines(file)) {
                        JsonNode record = new io.github.flagtest.shaded.jackson.databind.ObjectMapper().readTree(line);
                        if (record.path("kind").asText().equals("test")) {
                            outcomes.add(record.path("name").asText() + " "
                                    + record.path("result").asText());
                        }
                    }
                }
            }
            assertThat(outcomes)
                    .filteredOn(o -> o.contains("greetsAStranger"))
                    .containsExactlyInAnyOrder(
                            "LambdaE2EExtensionTests.ExpectedMissFixture.greetsAStranger() [loud=OFF, strict-names=OFF]"
                                    + " SUCCESSFUL",
                            "LambdaE2EExtensionTests.ExpectedMissFixture.greetsAStranger() [loud=ON, strict-names=OFF]"
                                    + " SUCCESSFUL",
                            "LambdaE2EExtensionTests.ExpectedMissFixture.greetsAStranger() [loud=OFF, strict-names=ON]"
                                    + " EXPECTED_MISS");
        }
    }

    @Nested
    @DisplayName("flag stores")
    class Stores {

        @Test
        @DisplayName("flagtest.e2e.flagStore=env: flags are the function's environment variables, a flip restarts it")
        void envStore(@TempDir Path dir) {
            run(EnvStoreFixture.class, dir, Map.of("flagtest.e2e.flagStore", "env"))
                    .testEvents()
                    .assertStatistics(stats -> stats.started(1).succeeded(1));
        }

        @Test
        @DisplayName("the AppConfig store's names and IDs, also through ${...} placeholders in the environment")
        void appConfigLocation(@TempDir Path dir) {
            run(AppConfigLocationFixture.class, dir)
                    .testEvents()
                    .assertStatistics(stats -> stats.started(1).succeeded(1));
        }

        @Test
        @DisplayName("a placeholder that does not fit the store names the ones that do")
        void badPlaceholder(@TempDir Path dir) {
            assertThat(failure(run(BadPlaceholderFixture.class, dir)))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining("@LambdaE2E(environment = \"P=${ssm.parameter}\") on BadPlaceholderFixture:"
                            + " ${ssm.parameter} is not set for the appconfig flag store; use one of"
                            + " ${appconfig.application}, ${appconfig.environment}");
        }

        @Test
        @DisplayName("an unknown store is named with the valid ones")
        void unknownStore(@TempDir Path dir) {
            assertThat(failure(run(BadPlaceholderFixture.class, dir, Map.of("flagtest.e2e.flagStore", "dynamo"))))
                    .hasMessage(
                            "flagtest.e2e.flagStore=dynamo is not a flag store; use appconfig (the default), ssm or env");
        }
    }

    @Nested
    @DisplayName("when misconfigured")
    class Misconfigured {

        @Test
        @DisplayName("fails a handler that is not Class::method")
        void badHandler(@TempDir Path dir) {
            assertThat(failure(run(BadHandlerFixture.class, dir)))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessage(
                            "@LambdaE2E(handler = \"GreetingHandler.handleRequest\") on BadHandlerFixture: the handler "
                                    + "must be \"pkg.Class::method\", e.g. \"com.example.OrderHandler::handleRequest\"");
        }

        @Test
        @DisplayName("fails a handler that names no class")
        void missingClass(@TempDir Path dir) {
            assertThat(failure(run(MissingClassFixture.class, dir)))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining("no class com.example.Missing on the test class path");
        }

        @Test
        @DisplayName("fails a malformed flag document with its JSON path")
        void malformedDocument(@TempDir Path dir) {
            assertThat(failure(run(MalformedFlagsFixture.class, dir)))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining(
                            "classpath:flags/broken.json: $.values.loud.enabled: string found, boolean expected; AppConfig would refuse this document");
        }

        @Test
        @DisplayName("fails an environment entry without '='")
        void badEnvironment(@TempDir Path dir) {
            assertThat(failure(run(BadEnvironmentFixture.class, dir)))
                    .hasMessage(
                            "@LambdaE2E(environment = \"JUST_A_KEY\") on BadEnvironmentFixture: each entry must be KEY=value");
            assertThat(EmbeddedBackendTest.childJvms()).isEmpty();
        }

        @Test
        @DisplayName("fails a key set by both @LambdaE2E(environment) and @FunctionEnvironment, naming both")
        void environmentTwice(@TempDir Path dir) {
            assertThat(failure(run(EnvironmentTwiceFixture.class, dir)))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessage("The function's environment variable STAGE is set twice: by @LambdaE2E(environment ="
                            + " \"STAGE=test\") on EnvironmentTwiceFixture and by @FunctionEnvironment on"
                            + " EnvironmentTwiceFixture.stage(); keep one of them");
            assertThat(EmbeddedBackendTest.childJvms()).isEmpty();
        }

        @Test
        @DisplayName("fails a @FunctionEnvironment method that is not static, before anything is deployed")
        void environmentNotStatic(@TempDir Path dir) {
            assertThat(failure(run(EnvironmentNotStaticFixture.class, dir)))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessage("@FunctionEnvironment on EnvironmentNotStaticFixture.endpoint(): the method must be"
                            + " static, take no parameters and return Map<String, String>");
        }

        @Test
        @DisplayName("fails an unknown backend, listing the valid ones")
        void unknownBackend() {
            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                    .configurationParameters(
                            Map.of("flagtest.e2e.backend", "docker-desktop", "flagtest.report", "false"))
                    .selectors(selectClass(BadEnvironmentFixture.class))
                    .execute();

            assertThat(failure(results))
                    .hasMessage(
                            "flagtest.e2e.backend=docker-desktop is not a backend; use auto, embedded, localstack, floci, "
                                    + "endpoint or aws");
        }
    }

    // ---- fixtures -------------------------------------------------------------------------

    static final String GREETING = "io.github.flagtest.e2e.fixtures.GreetingHandler::handleRequest";

    @LambdaE2E(
            handler = "io.github.flagtest.e2e.fixtures.EnvGreetingHandler::handleRequest",
            flags = "flags/greeting.json",
            environment = "MY_FLAG_PREFIX=${env.prefix}")
    static class EnvStoreFixture {
        @Test
        void flagsInTheEnvironment(DeployedFunction greeting) {
            assertThat(greeting.flagLocation()).isEqualTo(new FlagLocation("env", "", "", "", "", "", "", "FEATURE_"));
            assertThat(greeting.invoke("{\"name\":\"ana\"}").payload()).contains("hello, ana");

            greeting.flags().enable("loud");

            assertThat(greeting.invoke("{\"name\":\"ana\"}").payload()).contains("HELLO, ANA");
        }
    }

    @LambdaE2E(
            handler = GREETING,
            flags = "flags/greeting.json",
            environment = {"APP_ID=${appconfig.applicationId}", "WHERE=${appconfig.application}/${appconfig.profile}"})
    static class AppConfigLocationFixture {
        @Test
        void location(DeployedFunction greeting) {
            FlagLocation where = greeting.flagLocation();
            assertThat(where.store()).isEqualTo("appconfig");
            assertThat(where.application()).isEqualTo(greeting.name());
            assertThat(where.environment()).isEqualTo("e2e");
            assertThat(where.profile()).isEqualTo("flags");
            assertThat(where.applicationId()).isNotBlank().isNotEqualTo(where.application());
            assertThat(where.environmentId()).isNotBlank();
            assertThat(where.profileId()).isNotBlank();
            assertThat(where.parameter()).isEmpty();
            assertThat(greeting.invoke("{\"name\":\"ana\"}").functionError()).isNull();
        }
    }

    @LambdaE2E(handler = GREETING, flags = "flags/greeting.json", environment = "P=${ssm.parameter}")
    static class BadPlaceholderFixture {
        @Test
        void test() {}
    }

    @LambdaE2E(handler = GREETING, flags = "flags/greeting.json")
    @FlagMatrix(strategy = FlagMatrix.Strategy.ONE_AT_A_TIME)
    static class MissedCaseFixture {
        @Test
        void greetsByName(DeployedFunction greeting) {
            assertThat(greeting.invoke(Map.of("name", "ana")).functionError()).isNull();
        }

        @Test
        void greetsAStranger(DeployedFunction greeting) {
            InvocationResult result = greeting.invoke("{}");
            assertThat(result.functionError()).as(result.payload()).isNull();
        }
    }

    @LambdaE2E(handler = GREETING, flags = "flags/greeting.json")
    @FlagMatrix(strategy = FlagMatrix.Strategy.ONE_AT_A_TIME)
    static class ExpectedMissFixture {
        @Test
        void greetsByName(DeployedFunction greeting) {
            assertThat(greeting.invoke(Map.of("name", "ana")).functionError()).isNull();
        }

        @Test
        @io.github.flagtest.e2e.ExpectedMiss(flag = "strict-names", reason = "no unit test covers it yet")
        void greetsAStranger(DeployedFunction greeting) {
            InvocationResult result = greeting.invoke("{}");
            assertThat(result.functionError()).as(result.payload()).isNull();
        }
    }

    @LambdaE2E(handler = "GreetingHandler.handleRequest")
    static class BadHandlerFixture {
        @Test
        void test() {}
    }

    @LambdaE2E(handler = "com.example.Missing::handleRequest")
    static class MissingClassFixture {
        @Test
        void test() {}
    }

    @LambdaE2E(handler = GREETING, flags = "flags/broken.json")
    static class MalformedFlagsFixture {
        @Test
        void test() {}
    }

    @LambdaE2E(handler = GREETING, environment = "STAGE=test")
    static class EnvironmentTwiceFixture {
        @io.github.flagtest.e2e.FunctionEnvironment
        static Map<String, String> stage() {
            return Map.of("STAGE", "prod");
        }

        @Test
        void test() {}
    }

    @LambdaE2E(handler = GREETING)
    static class EnvironmentNotStaticFixture {
        @io.github.flagtest.e2e.FunctionEnvironment
        Map<String, String> endpoint() {
            return Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:1");
        }

        @Test
        void test() {}
    }

    @LambdaE2E(handler = GREETING, environment = "JUST_A_KEY")
    static class BadEnvironmentFixture {
        @Test
        void test() {}
    }
}
