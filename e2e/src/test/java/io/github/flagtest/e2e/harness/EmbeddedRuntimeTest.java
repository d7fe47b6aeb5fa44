package io.github.flagtest.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flagtest.e2e.embedded.AppCds;
import io.github.flagtest.e2e.fixtures.FailingInitHandler;
import io.github.flagtest.e2e.fixtures.FaultyHandlers;
import io.github.flagtest.e2e.fixtures.InitPrintingHandler;
import io.github.flagtest.e2e.fixtures.RuntimeProbeHandler;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * The embedded Lambda's runtime against Lambda's: the function's package apart from the runtime's
 * classes, the runtime's environment variables, the trace header per invocation, timeouts and the
 * log of each invocation. Sources are cited per test.
 */
@DisplayName("the embedded Lambda runtime, as Lambda's Java runtimes")
class EmbeddedRuntimeTest {

    static final String PROBE = RuntimeProbeHandler.class.getName() + "::handleRequest";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path classData;

    private final EmbeddedBackend backend = new EmbeddedBackend(new AppCds(classData));
    private final Deployer deployer = new Deployer(backend, "test");

    @AfterEach
    void stop() {
        try {
            deployer.close();
        } finally {
            backend.close();
        }
        assertThat(EmbeddedBackendTest.childJvms()).as("no runtime JVM left").isEmpty();
    }

    private void deploy(String handler, Map<String, String> environment, int timeoutSeconds, String classPath) {
        deployer.createFunction(
                "fn",
                "java17",
                List.of(),
                handler,
                environment,
                timeoutSeconds,
                256,
                Artifacts.classPathZip(classPath));
    }

    private Result invoke(String json) {
        return deployer.invoke("fn", json.getBytes());
    }

    private static JsonNode json(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw new AssertionError(payload, e);
        }
    }

    private static String jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }

    @Nested
    @DisplayName("the function's class path holds only its package")
    class ClassPathApart {

        /**
         * A user's test class path, as Maven resolves it for a function that pins aws-lambda-java-core
         * 1.2.2 (aws-samples/serverless-test-samples, apigw-lambda-list-s3-buckets): the function's
         * classes, its own core, and flagtest's Runtime Interface Client and serializers.
         */
        private String packageWith(String coreDir) throws Exception {
            return String.join(
                    File.pathSeparator,
                    jarOf(RuntimeProbeHandler.class),
                    onlyJar(Path.of("target", "fixture-lib", coreDir)),
                    onlyJar(Path.of("target", "fixture-lib", "ric")),
                    jarOf(com.amazonaws.services.lambda.runtime.serialization.PojoSerializer.class));
        }

        private String onlyJar(Path dir) throws Exception {
            try (var jars = Files.list(dir)) {
                return jars.findFirst().orElseThrow().toAbsolutePath().toString();
            }
        }

        @Test
        @DisplayName("a function packaged with aws-lambda-java-core 1.2.2 runs: the runtime's own core is loaded"
                + " first, as Lambda's /var/runtime/lib is (RIC AWSLambda: CustomerClassLoader over the task root,"
                + " the runtime's loader as parent)")
        void olderCore() throws Exception {
            deploy(PROBE, Map.of(), 30, packageWith("older"));

            Result result = invoke("{\"name\":\"old\"}");

            assertThat(result.functionError()).as(result.payload()).isNull();
            JsonNode seen = json(result.payload());
            assertThat(seen.get("coreJar").asText()).endsWith("/aws-lambda-java-core.jar");
            assertThat(Path.of(java.net.URI.create(seen.get("coreJar").asText()))
                            .getParent())
                    .isEqualTo(Path.of(seen.get("LAMBDA_RUNTIME_DIR").asText()));
            assertThat(seen.get("handlerLoader").asText()).endsWith("CustomerClassLoader");
        }

        @Test
        @DisplayName("a function packaged with a newer aws-lambda-java-core runs too")
        void newerCore() throws Exception {
            deploy(PROBE, Map.of(), 30, packageWith("newer"));

            Result result = invoke("{\"name\":\"new\"}");

            assertThat(result.functionError()).as(result.payload()).isNull();
            assertThat(json(result.payload()).get("handlerLoader").asText()).endsWith("CustomerClassLoader");
        }

        @Test
        @DisplayName("without class-data sharing the function's class directories are loaded as they are")
        void withoutClassDataSharing() {
            try (EmbeddedBackend plain = new EmbeddedBackend(AppCds.off());
                    Deployer plainDeployer = new Deployer(plain, "plain")) {
                plainDeployer.createFunction(
                        "fn",
                        "java17",
                        List.of(),
                        PROBE,
                        Map.of(),
                        30,
                        256,
                        Artifacts.classPathZip(Artifacts.testClassPath()));

                Result result = plainDeployer.invoke("fn", "{\"name\":\"plain\"}".getBytes());

                assertThat(result.functionError()).as(result.payload()).isNull();
                assertThat(json(result.payload()).get("handlerLoader").asText()).endsWith("CustomerClassLoader");
            }
        }

        @Test
        @DisplayName("the function's working directory is its task root, and the runtime's jars are not on its class"
                + " path")
        void taskRoot() {
            deploy(PROBE, Map.of(), 30, Artifacts.testClassPath());

            JsonNode seen = json(invoke("{\"name\":\"root\"}").payload());

            assertThat(seen.get("user.dir").asText())
                    .isEqualTo(seen.get("LAMBDA_TASK_ROOT").asText());
            assertThat(Path.of(seen.get("LAMBDA_TASK_ROOT").asText(), "lib")).isDirectory();
            assertThat(Path.of(seen.get("LAMBDA_RUNTIME_DIR").asText(), "aws-lambda-java-runtime-interface-client.jar"))
                    .isRegularFile();
        }
    }

    @Nested
    @DisplayName("the runtime's environment variables")
    class Environment {

        @Test
        @DisplayName("every variable Lambda defines for a Java runtime, with Lambda's values"
                + " (docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime)")
        void defined() {
            deploy(PROBE, Map.of("TZ_NOTE", "set by the test"), 30, Artifacts.testClassPath());

            JsonNode seen = json(invoke("{\"name\":\"env\"}").payload());

            assertThat(seen.get("_HANDLER").asText()).isEqualTo(PROBE);
            assertThat(seen.get("AWS_REGION").asText()).isEqualTo("us-east-1");
            assertThat(seen.get("AWS_DEFAULT_REGION").asText()).isEqualTo("us-east-1");
            assertThat(seen.get("AWS_EXECUTION_ENV").asText()).isEqualTo("AWS_Lambda_java17");
            assertThat(seen.get("AWS_LAMBDA_FUNCTION_NAME").asText()).isEqualTo("fn");
            assertThat(seen.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asText()).isEqualTo("256");
            assertThat(seen.get("AWS_LAMBDA_FUNCTION_VERSION").asText()).isEqualTo("$LATEST");
            assertThat(seen.get("AWS_LAMBDA_INITIALIZATION_TYPE").asText()).isEqualTo("on-demand");
            assertThat(seen.get("AWS_LAMBDA_LOG_GROUP_NAME").asText()).isEqualTo("/aws/lambda/fn");
            assertThat(seen.get("AWS_LAMBDA_LOG_STREAM_NAME").asText())
                    .matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}");
            assertThat(seen.get("AWS_ACCESS_KEY_ID").asText()).isNotBlank();
            assertThat(seen.get("AWS_SECRET_ACCESS_KEY").asText()).isNotBlank();
            assertThat(seen.get("AWS_SESSION_TOKEN").asText()).isNotBlank();
            assertThat(seen.get("AWS_LAMBDA_RUNTIME_API").asText()).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(seen.get("LAMBDA_TASK_ROOT").asText()).isNotBlank();
            assertThat(seen.get("LAMBDA_RUNTIME_DIR").asText()).isNotBlank();
            assertThat(seen.get("TZ").asText()).isEqualTo(":UTC");
            assertThat(seen.get("timeZone").asText()).isIn("UTC", "Etc/UTC", "GMT");
            assertThat(seen.get("LANG").asText()).isEqualTo("en_US.UTF-8");
            assertThat(seen.get("AWS_XRAY_CONTEXT_MISSING").asText()).isEqualTo("LOG_ERROR");
            assertThat(seen.get("AWS_XRAY_DAEMON_ADDRESS").asText()).isEqualTo("127.0.0.1:2000");
            assertThat(seen.get("TZ_NOTE").asText()).isEqualTo("set by the test");
        }

        @Test
        @DisplayName("each invocation carries its own X-Ray trace header, found where the X-Ray SDK looks"
                + " (RIC AWSLambda sets com.amazonaws.xray.traceHeader from Lambda-Runtime-Trace-Id)")
        void traceHeader() {
            deploy(PROBE, Map.of(), 30, Artifacts.testClassPath());

            String first = json(invoke("{\"name\":\"a\"}").payload())
                    .get("traceHeader")
                    .asText();
            String second = json(invoke("{\"name\":\"b\"}").payload())
                    .get("traceHeader")
                    .asText();

            String form = "Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0";
            assertThat(first).matches(form);
            assertThat(second).matches(form).isNotEqualTo(first);
            long epoch = Long.parseLong(first.substring(7, 15), 16);
            assertThat(epoch).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(120L));
        }

        @Test
        @DisplayName("a reserved key is refused as Lambda refuses it, on create and on update; TZ may be set")
        void reserved() throws Exception {
            try (AwsClients aws = AwsClients.create(backend.clientSettings())) {
                assertThatThrownBy(() -> aws.lambda()
                                .createFunction(r -> r.functionName("reserved")
                                        .runtime("java17")
                                        .role(backend.role())
                                        .handler(PROBE)
                                        .code(c -> c.zipFile(SdkBytes.fromByteArray(
                                                Artifacts.classPathZip(Artifacts.testClassPath()))))
                                        .environment(e -> e.variables(new java.util.TreeMap<>(
                                                Map.of("AWS_REGION", "eu-west-1", "OK", "1"))))))
                        .isInstanceOf(InvalidParameterValueException.class)
                        .hasMessageStartingWith("Lambda was unable to configure your environment variables because the"
                                + " environment variables you have provided contains reserved keys that are currently"
                                + " not supported for modification. Reserved keys used in this request: AWS_REGION");

                deploy(PROBE, Map.of("TZ", "Europe/Paris"), 30, Artifacts.testClassPath());
                assertThatThrownBy(() -> aws.lambda()
                                .updateFunctionConfiguration(r -> r.functionName("fn")
                                        .environment(e -> e.variables(new java.util.LinkedHashMap<>(
                                                Map.of("AWS_ACCESS_KEY_ID", "AKIA", "AWS_SESSION_TOKEN", "t"))))))
                        .isInstanceOf(InvalidParameterValueException.class)
                        .hasMessageContaining("Reserved keys used in this request: AWS_")
                        .hasMessageContaining("AWS_ACCESS_KEY_ID")
                        .hasMessageContaining("AWS_SESSION_TOKEN");
                assertThat(json(invoke("{}").payload()).get("TZ").asText()).isEqualTo("Europe/Paris");
            }
        }

        @Test
        @DisplayName("a key outside the model's EnvironmentVariableName pattern [a-zA-Z]([a-zA-Z0-9_])+ is a"
                + " ValidationException (API_Environment)")
        void keyPattern() throws Exception {
            try (AwsClients aws = AwsClients.create(backend.clientSettings())) {
                for (String key : List.of("1-BAD", "A", "WITH-DASH")) {
                    assertThatThrownBy(() -> aws.lambda()
                                    .createFunction(r -> r.functionName("bad")
                                            .runtime("java17")
                                            .role(backend.role())
                                            .handler(PROBE)
                                            .code(c -> c.zipFile(SdkBytes.fromByteArray(
                                                    Artifacts.classPathZip(Artifacts.testClassPath()))))
                                            .environment(e -> e.variables(Map.of(key, "v")))))
                            .as(key)
                            .isInstanceOf(LambdaException.class)
                            .hasMessageContaining("Map keys must satisfy constraint: [Member must satisfy regular"
                                    + " expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]")
                            .satisfies(e -> assertThat(((LambdaException) e)
                                            .awsErrorDetails()
                                            .errorCode())
                                    .isEqualTo("ValidationException"));
                }
            }
        }
    }

    @Nested
    @DisplayName("timeouts and logs")
    class TimeoutsAndLogs {

        @Test
        @DisplayName("a timed-out invocation answers Sandbox.Timedout with Lambda's message, and its log ends with"
                + " the timeout and REPORT ... Status: timeout (Lambda's answer and log as quoted in"
                + " alexa-samples/skill-sample-nodejs-smarthome-switch#18; the error type of Lambda's newer runtimes)")
        void timeout() {
            deploy(FaultyHandlers.Sleeping.class.getName() + "::handleRequest", Map.of(), 1, Artifacts.testClassPath());

            Result result = invoke("{}");

            assertThat(result.functionError()).isEqualTo("Unhandled");
            JsonNode error = json(result.payload());
            assertThat(error.get("errorType").asText()).isEqualTo("Sandbox.Timedout");
            String requestId = requestId(result.logTail());
            assertThat(error.get("errorMessage").asText())
                    .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z " + requestId
                            + " Task timed out after 1\\.\\d{2} seconds");
            assertThat(result.logTail())
                    .contains(error.get("errorMessage").asText())
                    .contains("END RequestId: " + requestId);
            assertThat(lines(result.logTail()))
                    .last()
                    .asString()
                    .startsWith("REPORT RequestId: " + requestId + "\tDuration: ")
                    .contains("\tBilled Duration: ", "\tMemory Size: 256 MB", "\tMax Memory Used: ")
                    .endsWith("\tStatus: timeout");
        }

        @Test
        @DisplayName("each invocation's log is whole and its own: START, its lines, its error, END, REPORT; nothing"
                + " of the one before, nothing cut at the front")
        void ownLog() {
            deploy(PROBE, Map.of(), 30, Artifacts.testClassPath());

            Result failed = invoke("{\"name\":\"first\",\"fail\":true}");
            Result big = invoke("{\"name\":\"second\",\"lines\":300}");

            assertThat(failed.functionError()).isEqualTo("Unhandled");
            List<String> first = lines(failed.logTail());
            String firstId = requestId(failed.logTail());
            assertThat(first).contains("handling first", "END RequestId: " + firstId);
            assertThat(first)
                    .anySatisfy(line -> assertThat(line).contains("probe first failed on purpose"))
                    .anySatisfy(line -> assertThat(line)
                            .matches("REPORT RequestId: " + firstId
                                    + "\tDuration: [0-9.]+ ms\tBilled Duration: \\d+ ms\tMemory Size: 256 MB\tMax"
                                    + " Memory Used: \\d+ MB\tInit Duration: [0-9.]+ ms"));
            List<String> second = lines(big.logTail());
            String secondId = requestId(big.logTail());
            assertThat(second.get(0)).isEqualTo("START RequestId: " + secondId + " Version: $LATEST");
            assertThat(second).contains("handling second").hasSizeGreaterThan(300);
            assertThat(big.logTail().length()).isGreaterThan(4096);
            assertThat(second.get(second.size() - 2)).isEqualTo("END RequestId: " + secondId);
            assertThat(second.get(second.size() - 1)).startsWith("REPORT RequestId: " + secondId + "\t");
            assertThat(big.logTail()).doesNotContain("first", firstId);
        }

        @Test
        @DisplayName("a function that fails at init answers its init error, and its log shows what init printed")
        void initFailure() {
            deploy(FailingInitHandler.class.getName() + "::handleRequest", Map.of(), 30, Artifacts.testClassPath());

            Result result = invoke("{}");

            assertThat(result.functionError()).isEqualTo("Unhandled");
            assertThat(json(result.payload()).get("errorType").asText())
                    .isEqualTo("java.lang.ExceptionInInitializerError");
            assertThat(result.logTail()) // the cause is in the log, as the RIC reports an init error
                    .contains("init: reading the configuration")
                    .contains("no configuration at init")
                    .contains("END RequestId: ")
                    .contains("REPORT RequestId: ");
        }
    }

    @Nested
    @DisplayName(
            "proactive initialization: Lambda may initialize an on-demand function's execution environment"
                    + " before its first invocation (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html)")
    class ProactiveInit {

        static final String INIT_PRINTING = InitPrintingHandler.class.getName() + "::handleRequest";

        @Test
        @DisplayName("the runtime starts while the function settles, before any invocation, and the first"
                + " invocation's log still begins with what init printed")
        void startsBeforeTheFirstInvocation() throws InterruptedException {
            deploy(INIT_PRINTING, Map.of(), 30, Artifacts.testClassPath());

            assertThat(eventuallyRunning())
                    .as("a runtime JVM before the first Invoke")
                    .isTrue();
            Result first = invoke("{}");
            Result second = invoke("{}");

            assertThat(first.payload()).isEqualTo("\"ok\"");
            List<String> log = lines(first.logTail());
            assertThat(log).contains("init: warming the caches");
            assertThat(log.indexOf("init: warming the caches"))
                    .isLessThan(log.indexOf("START RequestId: " + requestId(first.logTail()) + " Version: $LATEST"));
            assertThat(second.logTail()).doesNotContain("init: warming the caches");
        }

        @Test
        @DisplayName("an environment replaced before it served (a configuration update) writes no class-data"
                + " archive of its init alone: the next one records it; and its init lines are not the new"
                + " environment's")
        void unservedRuntimeArchivesNothing(@TempDir Path archives) throws Exception {
            try (EmbeddedBackend own = new EmbeddedBackend(new AppCds(archives));
                    Deployer ownDeployer = new Deployer(own, "test")) {
                ownDeployer.createFunction(
                        "fn",
                        "java17",
                        List.of(),
                        INIT_PRINTING,
                        Map.of(),
                        30,
                        256,
                        Artifacts.classPathZip(Artifacts.testClassPath()));
                for (int i = 0; i < 600 && own.aws().logLines("fn", 50).isEmpty(); i++) {
                    Thread.sleep(25); // until the first environment printed its init line
                }
                ownDeployer.updateEnvironment("fn", Map.of("RUN", "2"));

                Result first = ownDeployer.invoke("fn", "{}".getBytes());

                assertThat(lines(first.logTail()))
                        .as("only the new environment's init")
                        .filteredOn(line -> line.equals("init: warming the caches"))
                        .hasSize(1);
                List<ProcessHandle> jvms = EmbeddedBackendTest.childJvms();
                assertThat(jvms).hasSize(1);
                String commandLine =
                        Files.readString(Path.of("/proc", jvms.get(0).pid() + "", "cmdline"));
                assertThat(commandLine)
                        .as("the served environment records the archive, as none was written before it")
                        .contains("-XX:ArchiveClassesAtExit=")
                        .doesNotContain("-XX:SharedArchiveFile=");
            }
        }

        private boolean eventuallyRunning() throws InterruptedException {
            for (int i = 0; i < 200 && !backend.aws().isRunning("fn"); i++) {
                Thread.sleep(25);
            }
            return backend.aws().isRunning("fn");
        }
    }

    static List<String> lines(String log) {
        return Arrays.asList(log.split("\n"));
    }

    static String requestId(String log) {
        return lines(log).stream()
                .filter(line -> line.startsWith("START RequestId: "))
                .map(line -> line.substring("START RequestId: ".length(), line.indexOf(" Version:")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no START line in\n" + log));
    }
}
