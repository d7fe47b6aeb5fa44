package io.github.flagtest.e2e.embedded;

import io.github.flagtest.e2e.embedded.RuntimeApi.Outcome;
import io.github.flagtest.e2e.embedded.RuntimeApi.Pending;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One embedded function: a child JVM running the official Runtime Interface Client against this
 * function's {@link RuntimeApi}. Started at the first invocation, kept warm, restarted after a
 * crash, a timeout or a configuration change, and killed on close. Invocations run one at a time,
 * as in one Lambda execution environment.
 */
final class FunctionRuntime implements AutoCloseable {

    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /** What the function is. */
    record Config(
            String name,
            String arn,
            String runtime,
            String handler,
            Map<String, String> environment,
            int timeoutSeconds,
            int memoryMb,
            String classPath) {}

    private volatile RuntimeApi api; // one per runtime process, so a dead process's long poll takes nothing
    private final FunctionLogs logs;
    private final ReentrantLock invocations = new ReentrantLock(true);
    private final Path jni;
    private final Map<String, String> platformEnvironment;
    private volatile Config config;
    private volatile Process process; // written under the invocations lock
    private volatile AppCds.Launch launch; // how process uses class-data sharing
    private boolean closed; // guarded by the invocations lock: no runtime starts after close
    private final AppCds cds;
    /** Starts the function's AppConfig extension with each runtime, when it has the layer. */
    private final Optional<java.util.function.Function<Map<String, String>, AgentExtension>> extension;

    private AgentExtension agent; // the running runtime's extension; written under the invocations lock

    FunctionRuntime(Config config, Path jni, Map<String, String> platformEnvironment, AppCds cds) throws IOException {
        this(config, jni, platformEnvironment, cds, Optional.empty());
    }

    FunctionRuntime(
            Config config,
            Path jni,
            Map<String, String> platformEnvironment,
            AppCds cds,
            Optional<java.util.function.Function<Map<String, String>, AgentExtension>> extension)
            throws IOException {
        this.extension = extension;
        this.config = config;
        this.cds = cds;
        this.logs = new FunctionLogs(Files.createTempFile("flagtest-" + config.name() + "-", ".log"));
        this.jni = jni;
        this.platformEnvironment = Map.copyOf(platformEnvironment);
    }

    Config config() {
        return config;
    }

    FunctionLogs logs() {
        return logs;
    }

    /** Applies a new configuration; the next invocation starts a fresh runtime (a new execution environment). */
    void update(Config next) {
        invocations.lock();
        try {
            this.config = next;
            stop();
        } finally {
            invocations.unlock();
        }
    }

    /** Runs one invocation and returns what the function produced, with the log lines it printed. */
    Invocation invoke(byte[] event) {
        invocations.lock();
        try {
            if (closed) {
                throw new IllegalStateException("Function " + config.name() + " was deleted");
            }
            long mark = logs.mark();
            ensureStarted();
            long timeoutMillis = config.timeoutSeconds() * 1000L;
            Pending pending = api.submit(event, timeoutMillis);
            Outcome outcome;
            try {
                outcome = pending.outcome().get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                stop();
                outcome = error(pending.id(), "Task timed out after " + config.timeoutSeconds() + ".00 seconds", null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                outcome = error(pending.id(), "The invocation was interrupted", null);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Invocation failed inside flagtest: " + e.getCause(), e.getCause());
            }
            return new Invocation(outcome, logs.since(mark));
        } finally {
            invocations.unlock();
        }
    }

    /**
     * Options that keep a newer JVM from printing warnings into every function log, as Lambda's own
     * java21/java25 runtimes do not: the Runtime Interface Client loads its JNI library (restricted
     * native access, warned from Java 22) and common libraries still use {@code sun.misc.Unsafe}
     * (warned from Java 24).
     */
    static List<String> quietOptions(int javaFeature) {
        List<String> options = new ArrayList<>();
        if (javaFeature >= 22) {
            options.add("--enable-native-access=ALL-UNNAMED");
        }
        if (javaFeature >= 24) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    /** An invocation's outcome and the log lines printed meanwhile. */
    record Invocation(Outcome outcome, List<String> logTail) {}

    private void ensureStarted() {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> options = new ArrayList<>(List.of(
                "-Xmx" + config.memoryMb() + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        options.addAll(quietOptions(Runtime.version().feature()));
        AppCds.Launch sharing = cds.launch(options, config.classPath());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(sharing.options());
        command.add("-D" + JNI_PROPERTY + "=" + jni);
        command.add("-cp");
        command.add(sharing.classPath());
        command.add(RIC_MAIN);
        command.add(config.handler());
        extension.ifPresent(start -> agent = start.apply(config.environment()));
        try {
            api = new RuntimeApi(config.arn());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the Runtime API of function " + config.name() + ": " + e, e);
        }
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logs.redirect());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(environment());
        try {
            Process started = builder.start();
            started.onExit().thenAccept(gone -> {
                sharing.exited();
                exited(gone);
            });
            launch = sharing;
            process = started;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot start the runtime of function " + config.name() + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(platformEnvironment);
        env.putAll(config.environment());
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.put("AWS_LAMBDA_FUNCTION_NAME", config.name());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "flagtest/embedded");
        env.put("_HANDLER", config.handler());
        if (agent != null) {
            env.put("AWS_APPCONFIG_EXTENSION_HTTP_PORT", Integer.toString(agent.port()));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            env.put("PATH", path);
        }
        return env;
    }

    private void exited(Process gone) {
        RuntimeApi current = api;
        if (gone != process || current == null) {
            return; // stopped on purpose (timeout, update, close): nothing was left waiting on it
        }
        current.failAll(error("-", "Runtime exited with error: exit status " + gone.exitValue(), "Runtime.ExitError"));
    }

    private static Outcome error(String requestId, String message, String type) {
        var body = AwsHttp.JSON.createObjectNode();
        body.put("errorMessage", "RequestId: " + requestId + " Error: " + message);
        if (type != null) {
            body.put("errorType", type);
        }
        return new Outcome(body.toString().getBytes(StandardCharsets.UTF_8), "Unhandled");
    }

    /** Whether a runtime process is running now. */
    boolean isRunning() {
        Process current = process;
        return current != null && current.isAlive();
    }

    private void stop() {
        if (agent != null) {
            agent.close(); // the execution environment ends: the extension's cache goes with it
            agent = null;
        }
        Process current = process;
        process = null;
        if (current != null) {
            try {
                if (launch.records()) {
                    current.destroy(); // SIGTERM: the JVM writes its class-data archive as it exits
                    current.waitFor(30, TimeUnit.SECONDS);
                }
                current.destroyForcibly();
                current.waitFor(10, TimeUnit.SECONDS);
                launch.exited(); // now, not only on the exit callback: the next start should find the archive
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RuntimeApi previous = api;
        api = null;
        if (previous != null) {
            previous.close();
        }
    }

    @Override
    public void close() {
        invocations.lock();
        try {
            closed = true;
            stop();
            logs.close();
        } finally {
            invocations.unlock();
        }
    }
}
