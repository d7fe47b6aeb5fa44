package io.github.flagtest.e2e.harness;

import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.e2e.embedded.HandlerClasses;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * Deploys functions and their flag stores through the SDK clients, and deletes everything it
 * created when closed (also after failures): the same code for every backend.
 */
final class Deployer implements AutoCloseable {

    static final String RUN_TAG = "flagtest:run";
    static final String CREATED_TAG = "flagtest:created";
    static final int LOG_RETENTION_DAYS = 1;
    static final String RUNTIME_SETTING = "flagtest.e2e.runtime";
    static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);

    private static final System.Logger LOG = System.getLogger("io.github.flagtest");

    private final Backend backend;
    private final AwsClients aws;
    private final String runId;
    private final Deque<Runnable> cleanup = new ArrayDeque<>();
    private final java.time.Instant created =
            java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    Deployer(Backend backend, String runId) {
        this.backend = backend;
        this.runId = runId;
        this.aws = AwsClients.create(backend.clientSettings());
    }

    /** Every resource: the run, and when it was created (for a sweep of leftovers). */
    Map<String, String> tags() {
        return Map.of(RUN_TAG, runId, CREATED_TAG, created.toString());
    }

    FlagStores.Created flagStore(String kind, String prefix, String envPrefix, FlagState initial) {
        return flagStore(kind, prefix, envPrefix, FlagCatalog.parse("{}", "the flag state"), initial);
    }

    /**
     * A flag store holding {@code initial}, written onto {@code document} (its own text while the
     * state is the document's defaults).
     */
    FlagStores.Created flagStore(
            String kind, String prefix, String envPrefix, FlagCatalog document, FlagState initial) {
        synchronized (cleanup) {
            return FlagStores.create(aws, kind, backend, prefix, envPrefix, tags(), document, initial, cleanup);
        }
    }

    void createFunction(
            String name,
            String runtime,
            List<String> layers,
            String handler,
            Map<String, String> environment,
            int timeoutSeconds,
            int memoryMb,
            byte[] zip) {
        AwsCalls.run(
                backend.name(),
                "lambda:CreateFunction, lambda:TagResource and iam:PassRole",
                () -> aws.lambda()
                        .createFunction(r -> r.functionName(name)
                                .runtime(runtime)
                                .layers(layers)
                                .role(backend.role())
                                .handler(handler)
                                .code(code -> code.zipFile(SdkBytes.fromByteArray(zip)))
                                .timeout(timeoutSeconds)
                                .memorySize(memoryMb)
                                .environment(env -> env.variables(environment))
                                .tags(tags())));
        synchronized (cleanup) {
            cleanup.push(() -> aws.lambda().deleteFunction(r -> r.functionName(name)));
        }
        awaitSettled(name);
    }

    /**
     * The function's log group, made before Lambda would make it (without a retention, forever):
     * tagged, kept {@value #LOG_RETENTION_DAYS} day, deleted with the run.
     */
    private void logGroup(String function) {
        String group = "/aws/lambda/" + function;
        AwsCalls.run(
                backend.name(),
                "logs:CreateLogGroup and logs:TagResource",
                () -> aws.logs().createLogGroup(r -> r.logGroupName(group).tags(tags())));
        synchronized (cleanup) {
            cleanup.push(() -> aws.logs().deleteLogGroup(r -> r.logGroupName(group)));
        }
        AwsCalls.run(
                backend.name(),
                "logs:PutRetentionPolicy",
                () -> aws.logs().putRetentionPolicy(r -> r.logGroupName(group).retentionInDays(LOG_RETENTION_DAYS)));
    }

    /** New environment variables: a new execution environment, so no client-side cache survives. */
    void updateEnvironment(String name, Map<String, String> environment) {
        AwsCalls.run(
                backend.name(),
                "lambda:UpdateFunctionConfiguration",
                () -> aws.lambda()
                        .updateFunctionConfiguration(
                                r -> r.functionName(name).environment(env -> env.variables(environment))));
        awaitSettled(name);
    }

    Result invoke(String name, byte[] payload) {
        long start = System.nanoTime();
        InvokeResponse response = AwsCalls.call(
                backend.name(),
                "lambda:InvokeFunction",
                () -> aws.lambda()
                        .invoke(r -> r.functionName(name)
                                .payload(SdkBytes.fromByteArray(payload))
                                .logType(LogType.TAIL)));
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        String log = response.logResult() == null
                ? ""
                : new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        return new Result(
                response.statusCode(), response.payload().asUtf8String(), response.functionError(), log, duration);
    }

    /**
     * An emulator without the delete operation (Floci has no {@code DeleteEnvironment}): 404, 405,
     * 501 or an unknown-operation error code. Anything else is a real failure.
     */
    static boolean missingDelete(RuntimeException e) {
        if (!(e instanceof AwsServiceException aws)) {
            return false;
        }
        String code = aws.awsErrorDetails() == null
                ? ""
                : String.valueOf(aws.awsErrorDetails().errorCode());
        return aws.statusCode() == 404
                || aws.statusCode() == 405
                || aws.statusCode() == 501
                || code.equals("UnknownOperationException")
                || code.equals("NotImplemented")
                || code.equals("InvalidAction");
    }

    /**
     * Waits until the function is {@code Active} and its last update {@code Successful}, polling
     * with the drill's backoff (50 ms doubling to 2 s): a few milliseconds on the embedded backend,
     * a few calls a minute on AWS. {@code Failed} ends the wait with Lambda's reason.
     */
    private void awaitSettled(String name) {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        Backoff backoff = new Backoff();
        while (true) {
            GetFunctionConfigurationResponse function = AwsCalls.call(
                    backend.name(),
                    "lambda:GetFunctionConfiguration",
                    () -> aws.lambda().getFunctionConfiguration(r -> r.functionName(name)));
            if (function.state() == State.FAILED || function.lastUpdateStatus() == LastUpdateStatus.FAILED) {
                throw new IllegalStateException("Lambda function " + name + " failed to deploy: "
                        + (function.stateReason() != null
                                ? function.stateReason()
                                : function.lastUpdateStatusReason()));
            }
            boolean settled = function.state() == State.ACTIVE
                    && (function.lastUpdateStatus() == null
                            || function.lastUpdateStatus() == LastUpdateStatus.SUCCESSFUL);
            if (settled) {
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !backoff.pause(Duration.ofNanos(left))) {
                throw new IllegalStateException("Lambda function " + name + " is still " + function.state() + "/"
                        + function.lastUpdateStatus() + " after " + SETTLE_TIMEOUT);
            }
        }
    }

    /**
     * The runtime for {@code handler}: {@code flagtest.e2e.runtime} when set, else the one its
     * class file needs (java17, java21 or java25), which the backend must run.
     */
    static String runtime(Optional<String> setting, String handler, ClassLoader loader, Backend backend) {
        if (setting.isPresent() && !setting.get().isBlank()) {
            return setting.get().trim();
        }
        String className = HandlerClasses.className(handler);
        OptionalInt major = HandlerClasses.majorVersion(className, loader);
        String runtime = major.isPresent() ? HandlerClasses.runtimeFor(major.getAsInt()) : "java17";
        if (runtime.compareTo(backend.maxRuntime()) > 0) { // java17 < java21 < java25
            throw new ExtensionConfigurationException("flagtest e2e: " + className + " is compiled for Java "
                    + (major.getAsInt() - 44) + " (class file " + major.getAsInt() + "), which needs the " + runtime
                    + " runtime, but the " + backend.name() + " backend runs at most " + backend.maxRuntime()
                    + "; compile with <maven.compiler.release>"
                    + backend.maxRuntime().substring(4)
                    + "</maven.compiler.release>, choose another backend, or set " + RUNTIME_SETTING);
        }
        return runtime;
    }

    /** Deletes everything created, newest first; tries every deletion, then reports the failures. */
    @Override
    public void close() {
        RuntimeException failure = null;
        synchronized (cleanup) {
            Runnable delete;
            while ((delete = cleanup.poll()) != null) {
                try {
                    delete.run();
                } catch (RuntimeException e) {
                    if (missingDelete(e)) {
                        LOG.log(
                                System.Logger.Level.WARNING,
                                "flagtest e2e: the " + backend.name() + " backend cannot delete this resource ("
                                        + e.getMessage() + "); it is left behind, tagged " + RUN_TAG + "=" + runId);
                        continue;
                    }
                    if (failure == null) {
                        failure = new IllegalStateException(
                                "flagtest e2e could not delete every resource of run " + runId + " (tag " + RUN_TAG
                                        + "=" + runId + "); delete them by that tag",
                                e);
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        aws.close();
        if (failure != null) {
            throw failure;
        }
    }
}
