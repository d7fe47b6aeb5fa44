package io.github.flagtest.e2e;

import io.github.flagtest.core.FlagState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

/**
 * Deploys functions and their flag stores through the SDK clients, and deletes everything it
 * created when closed (also after failures): the same code for every backend.
 */
final class Deployer implements AutoCloseable {

    static final String RUN_TAG = "flagtest:run";

    private static final System.Logger LOG = System.getLogger("io.github.flagtest");

    private final Backend backend;
    private final AwsClients aws;
    private final String runId;
    private final Deque<Runnable> cleanup = new ArrayDeque<>();

    Deployer(Backend backend, String runId) {
        this.backend = backend;
        this.runId = runId;
        this.aws = AwsClients.create(backend.clientSettings());
    }

    Map<String, String> tags() {
        return Map.of(RUN_TAG, runId);
    }

    FlagStores.Created flagStore(String kind, String prefix, String envPrefix, FlagState initial) {
        synchronized (cleanup) {
            return FlagStores.create(aws, kind, backend, prefix, envPrefix, tags(), initial, cleanup);
        }
    }

    void createFunction(
            String name,
            String handler,
            Map<String, String> environment,
            int timeoutSeconds,
            int memoryMb,
            byte[] zip) {
        aws.lambda()
                .createFunction(r -> r.functionName(name)
                        .runtime(runtime())
                        .role(backend.role())
                        .handler(handler)
                        .code(code -> code.zipFile(SdkBytes.fromByteArray(zip)))
                        .timeout(timeoutSeconds)
                        .memorySize(memoryMb)
                        .environment(env -> env.variables(environment))
                        .tags(tags()));
        synchronized (cleanup) {
            cleanup.push(() -> aws.lambda().deleteFunction(r -> r.functionName(name)));
        }
        aws.lambda().waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
    }

    /** New environment variables: a new execution environment, so no client-side cache survives. */
    void updateEnvironment(String name, Map<String, String> environment) {
        aws.lambda()
                .updateFunctionConfiguration(r -> r.functionName(name).environment(env -> env.variables(environment)));
        aws.lambda().waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(name));
    }

    Result invoke(String name, byte[] payload) {
        long start = System.nanoTime();
        InvokeResponse response = aws.lambda()
                .invoke(r -> r.functionName(name)
                        .payload(SdkBytes.fromByteArray(payload))
                        .logType(LogType.TAIL));
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

    /** The Lambda runtime matching this JVM: java17, java21 or java25. */
    static String runtime() {
        int feature = Runtime.version().feature();
        return feature >= 25 ? "java25" : feature >= 21 ? "java21" : "java17";
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
