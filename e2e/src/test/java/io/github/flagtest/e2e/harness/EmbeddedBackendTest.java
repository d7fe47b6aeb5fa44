package io.github.flagtest.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flagtest.core.FlagState;
import io.github.flagtest.e2e.FlagLocation;
import io.github.flagtest.e2e.embedded.AppCds;
import io.github.flagtest.e2e.fixtures.FaultyHandlers;
import io.github.flagtest.e2e.fixtures.GreetingHandler;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;

@DisplayName("embedded backend, driven through the deployer's SDK clients")
class EmbeddedBackendTest {

    @TempDir
    static Path classData; // shared by the class's tests: the first start records, later ones map it

    private final EmbeddedBackend backend = new EmbeddedBackend(new AppCds(classData));
    private final Deployer deployer = new Deployer(backend, "test");

    @AfterEach
    void stop() {
        try {
            deployer.close();
            assertThat(backend.aws().isEmpty()).as("every resource deleted").isTrue();
        } finally {
            backend.close();
        }
        assertThat(childJvms()).as("no runtime JVM left").isEmpty();
    }

    static List<ProcessHandle> childJvms() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .toList();
    }

    private FlagStores.Created deploy(Class<?> handler, String method, FlagState flags, int timeoutSeconds) {
        FlagStores.Created store = deployer.flagStore(FlagStores.APPCONFIG, "fn", FlagStores.DEFAULT_ENV_PREFIX, flags);
        Map<String, String> env = new HashMap<>(E2ESession.locationVariables(store.location()));
        deployer.createFunction(
                "fn",
                "java17",
                java.util.List.of(),
                handler.getName() + "::" + method,
                env,
                timeoutSeconds,
                256,
                Artifacts.classPathZip(Artifacts.testClassPath()));
        return store;
    }

    @Test
    @DisplayName(
            "deploys a real handler that reads its flags through the AppConfig Data SDK, and sees a flip after a restart"
                    + " (its next poll is 15 s away)")
    void deployAndInvoke() {
        FlagStores.Created store =
                deploy(GreetingHandler.class, "handleRequest", FlagState.of(Map.of("loud", false)), 30);

        Result first = deployer.invoke("fn", "{\"name\":\"ana\"}".getBytes());
        assertThat(first.functionError()).isNull();
        assertThat(first.payload()).contains("\"greeting\":\"hello, ana\"");
        assertThat(first.logTail()).contains("greeting ana");
        // CI also runs this on Java 25, where the RIC's JNI load and Unsafe users would warn
        assertThat(first.logTail())
                .doesNotContain("WARNING: A restricted method")
                .doesNotContain("sun.misc.Unsafe");

        store.store().enable("loud");
        Result cached = deployer.invoke("fn", "{\"name\":\"ana\"}".getBytes());
        assertThat(cached.payload()).as("next poll only after 15 s").contains("hello, ana");

        deployer.updateEnvironment("fn", Map.copyOf(E2ESession.locationVariables(store.location())));
        assertThat(deployer.invoke("fn", "{}".getBytes()).payload()).contains("HELLO, STRANGER");
        assertThat(backend.aws().isRunning("fn")).isTrue();
    }

    // https://docs.aws.amazon.com/appconfig/2021-11-11/APIReference/API_appconfigdata_GetLatestConfiguration.html
    @Test
    @DisplayName("its AppConfig Data refuses a poll before NextPollIntervalInSeconds, as AWS does")
    void pollInterval() {
        FlagStores.Created store =
                deployer.flagStore(FlagStores.APPCONFIG, "fn", FlagStores.DEFAULT_ENV_PREFIX, FlagState.of(Map.of()));
        try (AppConfigDataClient data = backend.clientSettings()
                .configure(AppConfigDataClient.builder())
                .build()) {
            FlagLocation where = store.location();
            String token = data.startConfigurationSession(r -> r.applicationIdentifier(where.applicationId())
                            .environmentIdentifier(where.environment())
                            .configurationProfileIdentifier(where.profileId())
                            .requiredMinimumPollIntervalInSeconds(15))
                    .initialConfigurationToken();
            String next = data.getLatestConfiguration(r -> r.configurationToken(token))
                    .nextPollConfigurationToken();

            assertThatThrownBy(() -> data.getLatestConfiguration(r -> r.configurationToken(next)))
                    .isInstanceOf(software.amazon.awssdk.services.appconfigdata.model.BadRequestException.class)
                    .hasMessageContaining("Request too early");
            assertThatThrownBy(() -> data.startConfigurationSession(r -> r.applicationIdentifier(where.application())
                            .environmentIdentifier(where.environment())
                            .configurationProfileIdentifier(where.profile())
                            .requiredMinimumPollIntervalInSeconds(14)))
                    .isInstanceOf(software.amazon.awssdk.services.appconfigdata.model.BadRequestException.class)
                    .hasMessageContaining( // model: OptionalPollSeconds min 15
                            "Value '14' at 'requiredMinimumPollIntervalInSeconds' failed to satisfy constraint");
        }
    }

    @Test
    @DisplayName("a function's first runtime records its classes; the next start of the same code maps them")
    void classDataSharing(@TempDir Path archives) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "reads the runtime's command line from /proc");
        for (String expected : List.of("-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=")) {
            EmbeddedBackend own = new EmbeddedBackend(new AppCds(archives));
            Deployer ownDeployer = new Deployer(own, "cds");
            try {
                FlagStores.Created store = ownDeployer.flagStore(
                        FlagStores.APPCONFIG, "fn", FlagStores.DEFAULT_ENV_PREFIX, FlagState.of(Map.of("loud", false)));
                ownDeployer.createFunction(
                        "fn",
                        "java17",
                        java.util.List.of(),
                        GreetingHandler.class.getName() + "::handleRequest",
                        E2ESession.locationVariables(store.location()),
                        30,
                        256,
                        Artifacts.classPathZip(Artifacts.testClassPath()));

                assertThat(ownDeployer
                                .invoke("fn", "{\"name\":\"ana\"}".getBytes())
                                .functionError())
                        .isNull();
                // read from Linux's /proc: ProcessHandle.Info leaves out a command line this long
                List<String> arguments = List.of(
                        Files.readString(Path.of("/proc", childJvms().get(0).pid() + "", "cmdline"))
                                .split("\0"));
                assertThat(arguments).anyMatch(argument -> argument.startsWith(expected + archives));
                String classPath = arguments.get(arguments.indexOf("-cp") + 1);
                assertThat(classPath.split(File.pathSeparator))
                        .as("class directories run as jars, which the JVM can archive")
                        .noneMatch(entry -> Files.isDirectory(Path.of(entry)));
            } finally {
                ownDeployer.close();
                own.close();
            }
        }
    }

    @Test
    @DisplayName("each invocation's log tail holds every line its handler printed before returning")
    void completeLogTails() {
        deploy(GreetingHandler.class, "handleRequest", FlagState.of(Map.of("loud", false)), 30);

        for (int i = 0; i < 50; i++) {
            Result result = deployer.invoke("fn", ("{\"name\":\"n" + i + "\"}").getBytes());
            assertThat(result.logTail().split("\n")).as("invocation %d", i).contains("greeting n" + i);
        }
    }

    @Test
    @DisplayName("an Event invocation answers 202 at once and runs after; DryRun answers 204 and runs nothing")
    void eventAndDryRun() throws Exception {
        deploy(GreetingHandler.class, "handleRequest", FlagState.of(Map.of("loud", false)), 30);
        try (AwsClients aws = AwsClients.create(backend.clientSettings())) {
            InvokeResponse event = aws.lambda()
                    .invoke(r -> r.functionName("fn")
                            .invocationType(InvocationType.EVENT)
                            .payload(SdkBytes.fromUtf8String("{\"name\":\"later\"}")));
            InvokeResponse dryRun = aws.lambda()
                    .invoke(r -> r.functionName("fn")
                            .invocationType(InvocationType.DRY_RUN)
                            .payload(SdkBytes.fromUtf8String("{\"name\":\"never\"}")));

            assertThat(event.statusCode()).isEqualTo(202);
            assertThat(event.payload().asByteArray()).isEmpty();
            assertThat(dryRun.statusCode()).isEqualTo(204);
            assertThat(deployer.invoke("fn", "{\"name\":\"now\"}".getBytes()).payload())
                    .contains("hello, now");
            assertThat(backend.aws().logLines("fn", 200))
                    .as("the Event invocation ran before the next one; the dry run never ran")
                    .anySatisfy(line -> assertThat(line).contains("greeting later"))
                    .noneSatisfy(line -> assertThat(line).contains("greeting never"));
            assertThatThrownBy(
                            () -> aws.lambda().invoke(r -> r.functionName("fn").invocationType("Sometimes")))
                    .isInstanceOf(LambdaException.class)
                    .hasMessageContaining( // model: InvocationType enum
                            "Value 'Sometimes' at 'invocationType' failed to satisfy constraint: Member must satisfy"
                                    + " enum value set");
        }
    }

    @Test
    @DisplayName("a throwing handler is a result with a function error, not an exception")
    void handlerThrows() {
        deploy(FaultyHandlers.Throwing.class, "handleRequest", FlagState.empty(), 30);

        Result result = deployer.invoke("fn", "{}".getBytes());

        assertThat(result.functionError()).isEqualTo("Unhandled");
        assertThat(result.payload()).contains("the handler failed on purpose").contains("IllegalStateException");
    }

    @Test
    @DisplayName("a crashing runtime fails its invocation and is restarted for the next one")
    void crash() {
        deploy(FaultyHandlers.Crashing.class, "handleRequest", FlagState.empty(), 30);

        Result crashed = deployer.invoke("fn", "{\"crash\":true}".getBytes());
        assertThat(crashed.functionError()).isEqualTo("Unhandled");
        assertThat(crashed.payload())
                .contains("Runtime exited with error: exit status 3")
                .contains("Runtime.ExitError");

        Result next = deployer.invoke("fn", "{}".getBytes());
        assertThat(next.functionError()).isNull();
        assertThat(next.payload()).isEqualTo("\"alive\"");
    }

    @Test
    @DisplayName("an invocation past the timeout is a timed-out result, and the runtime is replaced")
    void timeout() {
        deploy(FaultyHandlers.Sleeping.class, "handleRequest", FlagState.empty(), 2);

        Result result = deployer.invoke("fn", "{}".getBytes());

        assertThat(result.functionError()).isEqualTo("Unhandled");
        // Lambda reports the time the invocation ran, e.g. "Task timed out after 2.01 seconds"
        assertThat(result.payload()).containsPattern("Task timed out after 2\\.\\d{2} seconds");
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(10));
        assertThat(backend.aws().isRunning("fn")).isFalse();
    }
}
