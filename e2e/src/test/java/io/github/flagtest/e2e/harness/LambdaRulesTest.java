package io.github.flagtest.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flagtest.e2e.embedded.AppCds;
import io.github.flagtest.e2e.embedded.EmbeddedAws;
import io.github.flagtest.e2e.embedded.HandlerClasses;
import io.github.flagtest.e2e.fixtures.GreetingHandler;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.State;

@DisplayName("the embedded Lambda refuses what AWS Lambda refuses")
class LambdaRulesTest {

    @TempDir
    static Path classData;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final EmbeddedBackend backend = new EmbeddedBackend(new AppCds(classData), nanos::get);
    private final LambdaClient lambda =
            backend.clientSettings().configure(LambdaClient.builder()).build();

    @AfterEach
    void stop() {
        lambda.close();
        backend.close();
    }

    private void create(String name, String runtime, Map<String, String> environment) {
        lambda.createFunction(r -> r.functionName(name)
                .runtime(runtime)
                .role("arn:aws:iam::000000000000:role/flagtest")
                .handler(GreetingHandler.class.getName() + "::handleRequest")
                .code(code -> code.zipFile(SdkBytes.fromByteArray(Artifacts.classPathZip(Artifacts.testClassPath()))))
                .environment(env -> env.variables(environment)));
    }

    private void settle() {
        nanos.addAndGet(EmbeddedAws.STATE_SETTLE.toNanos());
    }

    // https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html
    @Test
    @DisplayName("a new function is Pending, and an invocation then is a ResourceConflictException; then Active")
    void pending() {
        create("fn", "java17", Map.of());

        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("fn")).state())
                .isEqualTo(State.PENDING);
        assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("fn")))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("The function is currently in the following state: Pending");

        settle();
        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("fn")).state())
                .isEqualTo(State.ACTIVE);
    }

    @Test
    @DisplayName("an update is InProgress, and a second update then is a ResourceConflictException; then Successful")
    void updating() {
        create("fn", "java17", Map.of());
        settle();

        lambda.updateFunctionConfiguration(r -> r.functionName("fn").timeout(10));
        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("fn")).lastUpdateStatus())
                .isEqualTo(LastUpdateStatus.IN_PROGRESS);
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(
                        r -> r.functionName("fn").timeout(20)))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("An update is in progress for resource");

        settle();
        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("fn")).lastUpdateStatus())
                .isEqualTo(LastUpdateStatus.SUCCESSFUL);
    }

    // https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
    @Test
    @DisplayName(
            "a runtime that is not one of Lambda's identifiers is a ValidationException; one embedded cannot run is named")
    void runtimes() {
        assertThatThrownBy(() -> create("fn", "java16", Map.of()))
                .isInstanceOf(LambdaException.class)
                .hasMessageContaining("Value 'java16' at 'runtime' failed to satisfy constraint")
                .satisfies(e -> assertThat(((LambdaException) e).statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> create("fn", "python3.12", Map.of()))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("runs the runtimes [java17, java21, java25], not python3.12");
    }

    // https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html ("Environment variables: 4 KB")
    @Test
    @DisplayName("environment variables over 4 KB are refused, on create and on update")
    void environmentLimit() {
        Map<String, String> big = Map.of("BIG", "x".repeat(4100));
        assertThatThrownBy(() -> create("fn", "java17", big))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("exceeded the 4KB limit. String measured: {\"BIG\":\"xxx");

        create("fn", "java17", Map.of("SMALL", "x".repeat(4000)));
        settle();
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(
                        r -> r.functionName("fn").environment(env -> env.variables(big))))
                .isInstanceOf(InvalidParameterValueException.class);
    }

    @Nested
    @DisplayName("runtime and package")
    class RuntimeAndPackage {

        @Test
        @DisplayName("the runtime follows the handler's class file (Java 17 -> java17); flagtest.e2e.runtime wins")
        void chosen() {
            ClassLoader loader = GreetingHandler.class.getClassLoader();
            String handler = GreetingHandler.class.getName() + "::handleRequest";

            assertThat(HandlerClasses.majorVersion(GreetingHandler.class.getName(), loader))
                    .hasValue(61);
            assertThat(Deployer.runtime(Optional.empty(), handler, loader, backend))
                    .isEqualTo("java17");
            assertThat(Deployer.runtime(Optional.of("java21"), handler, loader, backend))
                    .isEqualTo("java21");
            assertThat(HandlerClasses.runtimeFor(65)).isEqualTo("java21");
            assertThat(HandlerClasses.runtimeFor(69)).isEqualTo("java25");
        }

        @Test
        @DisplayName("a handler newer than the backend's newest runtime is named with the fix")
        void tooNewForTheBackend() {
            Backend old = new FlagStoresTest.StubBackend("localstack", "java11");

            assertThatThrownBy(() -> Deployer.runtime(
                            Optional.empty(),
                            GreetingHandler.class.getName() + "::handleRequest",
                            GreetingHandler.class.getClassLoader(),
                            old))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining("is compiled for Java 17 (class file 61), which needs the java17 runtime,"
                            + " but the localstack backend runs at most java11");
        }

        @Test
        @DisplayName("the package is the main output (Maven and Gradle layouts); a handler in src/test is named")
        void packaged(@TempDir Path project) throws Exception {
            assertThat(Artifacts.isMainOutput(project.resolve("target/classes")))
                    .isTrue();
            assertThat(Artifacts.isMainOutput(project.resolve("build/classes/java/main")))
                    .isTrue();
            assertThat(Artifacts.isMainOutput(project.resolve("build/classes/kotlin/main")))
                    .isTrue();
            assertThat(Artifacts.isMainOutput(project.resolve("build/resources/main")))
                    .isTrue();
            assertThat(Artifacts.isMainOutput(project.resolve("target/test-classes")))
                    .isFalse();
            assertThat(Artifacts.isMainOutput(project.resolve("build/classes/java/test")))
                    .isFalse();

            assertThatThrownBy(() -> Artifacts.packaged(
                            GreetingHandler.class.getName() + "::handleRequest", "aws", Artifacts.testClassPath()))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining("the handler class " + GreetingHandler.class.getName()
                            + " is not in the module's main output")
                    .hasMessageContaining("a handler in src/test runs on the embedded backend only");
        }
    }

    @Test
    @DisplayName("a runtime class path file from the build makes the package exact: main output and listed jars only")
    void runtimeClassPathFile(@TempDir Path module) throws Exception {
        Path classes = java.nio.file.Files.createDirectories(module.resolve("target/classes"));
        Path testClasses = java.nio.file.Files.createDirectories(module.resolve("target/test-classes"));
        Path app = java.nio.file.Files.createFile(module.resolve("app-lib-1.0.jar"));
        Path sdk = java.nio.file.Files.createFile(module.resolve("lambda-2.40.2.jar"));
        String classPath = String.join(
                java.io.File.pathSeparator, testClasses.toString(), classes.toString(), app.toString(), sdk.toString());
        java.nio.file.Files.createDirectories(module.resolve("target/flagtest"));
        java.nio.file.Files.writeString(module.resolve("target/flagtest/runtime-classpath.txt"), app.toString());

        assertThat(Artifacts.runtimeEntries(classPath, module)).containsExactly(classes, app);
    }

    @Test
    @DisplayName("the state timer is nanoTime-based: 100 ms settle")
    void settleTime() {
        assertThat(EmbeddedAws.STATE_SETTLE.toNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
    }
}
