package io.github.flagtest.e2e.embedded;

import io.github.flagtest.e2e.embedded.RuntimeApi.Outcome;
import io.github.flagtest.e2e.embedded.RuntimeApi.Pending;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One embedded function: a child JVM running the official Runtime Interface Client against this
 * function's {@link RuntimeApi}, with the runtime's jars ({@link RuntimeLibrary}) on its class path
 * and the function's package loaded apart from its {@link TaskRoot}, as on Lambda. Started at the first invocation, kept warm, restarted after a
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

    /** How long an invocation's end waits for the runtime's next poll, which marks its log complete. */
    static final long FINISH_WAIT_MILLIS = 2_000;

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private volatile RuntimeApi api; // one per runtime process, so a dead process's long poll takes nothing
    private final FunctionLogs logs;
    private final ReentrantLock invocations = new ReentrantLock(true);
    private final RuntimeLibrary runtime;
    private final Path jni;
    private final TaskRoot taskRoot;
    private final Map<String, String> platformEnvironment;
    private volatile Config config;
    private volatile Process process; // written under the invocations lock
    private volatile AppCds.Launch launch; // how process uses class-data sharing
    private boolean closed; // guarded by the invocations lock: no runtime starts after close
    private final AppCds cds;
    /** Starts the function's AppConfig extension with each runtime, when it has the layer. */
    private final Optional<java.util.function.Function<Map<String, String>, AgentExtension>> extension;

    private AgentExtension agent; // the running runtime's extension; written under the invocations lock
    private String logStream; // the running runtime's log stream; written under the invocations lock
    private long startedAt; // System.nanoTime() of the running runtime's start
    private boolean initReported; // whether a REPORT line gave the running runtime's Init Duration
    private volatile long dispatchedAt; // System.nanoTime() when the runtime took the current invocation
    private volatile double initMillis; // how long the running runtime took to ask for its first invocation
    /** Where the running runtime's log began, until its first invocation takes its init lines; -1 after. */
    private long initLogMark = -1; // guarded by the invocations lock

    private boolean served; // whether the running runtime took an invocation; guarded by the invocations lock

    /** The logs of the latest invocations by request id, for the harness (Invoke's log tail is cut at 4 KB). */
    private final Map<String, List<String>> recent = java.util.Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > RECENT_INVOCATIONS;
        }
    });

    static final int RECENT_INVOCATIONS = 64;

    FunctionRuntime(
            Config config, RuntimeLibrary runtime, Path jni, Map<String, String> platformEnvironment, AppCds cds)
            throws IOException {
        this(config, runtime, jni, platformEnvironment, cds, Optional.empty());
    }

    FunctionRuntime(
            Config config,
            RuntimeLibrary runtime,
            Path jni,
            Map<String, String> platformEnvironment,
            AppCds cds,
            Optional<java.util.function.Function<Map<String, String>, AgentExtension>> extension)
            throws IOException {
        this.extension = extension;
        this.config = config;
        this.cds = cds;
        this.runtime = runtime;
        this.logs = new FunctionLogs(Files.createTempFile("flagtest-" + config.name() + "-", ".log"));
        this.taskRoot = new TaskRoot();
        this.jni = jni;
        this.platformEnvironment = Map.copyOf(platformEnvironment);
    }

    Config config() {
        return config;
    }

    /** The whole log of one of the latest invocations. */
    Optional<List<String>> invocationLog(String requestId) {
        return Optional.ofNullable(recent.get(requestId));
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
            initLogMark = -1; // the old environment's init lines belong to no invocation of the new one
        } finally {
            invocations.unlock();
        }
    }

    /**
     * Initializes an execution environment ahead of the first invocation, as Lambda may for on-demand
     * functions ("proactive initialization":
     * https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html): the runtime
     * starts while the caller still waits for the function to become {@code Active}, and the init
     * output is in the first invocation's log. Does nothing when a runtime runs or the function is
     * deleted.
     */
    void prestart() {
        invocations.lock();
        try {
            if (!closed && process == null) {
                ensureStarted();
            }
        } catch (RuntimeException e) { // the first invocation starts it again and reports why it cannot
            System.getLogger(FunctionRuntime.class.getName())
                    .log(System.Logger.Level.DEBUG, "flagtest: cannot pre-start " + config.name(), e);
        } finally {
            invocations.unlock();
        }
    }

    /**
     * Runs one invocation and returns what the function produced, with its log as Lambda writes it:
     * a fresh runtime's init output, {@code START}, what the invocation printed, {@code END} and
     * {@code REPORT} (after the runtime asked for its next invocation, so nothing of this one is
     * missing and nothing of the next one is in). A timed-out invocation answers Lambda's {@code
     * Sandbox.Timedout} error and its runtime is replaced.
     */
    Invocation invoke(byte[] event) {
        invocations.lock();
        try {
            if (closed) {
                throw new IllegalStateException("Function " + config.name() + " was deleted");
            }
            long mark = logs.mark();
            ensureStarted();
            if (initLogMark >= 0) { // the runtime's first invocation: its log starts with the init output
                mark = Math.min(mark, initLogMark);
                initLogMark = -1;
            }
            served = true;
            long timeoutMillis = config.timeoutSeconds() * 1000L;
            long submitted = System.nanoTime();
            dispatchedAt = 0;
            Pending pending = api.submit(event, timeoutMillis);
            Outcome outcome;
            String status = null;
            try {
                outcome = pending.outcome().get(timeoutMillis, TimeUnit.MILLISECONDS);
                pending.finished().get(FINISH_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (pending.outcome().isDone()) {
                    outcome = pending.outcome().join(); // answered, but still busy: its log ends here
                } else {
                    status = "timeout";
                    String message = TIMESTAMP.format(Instant.now()) + " " + pending.id() + " Task timed out after "
                            + String.format(Locale.ROOT, "%.2f", (System.nanoTime() - submitted) / 1e9) + " seconds";
                    outcome = timedOut(message);
                    logs.add(message); // Lambda logs the timeout among the invocation's lines
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = "error";
                outcome = error(pending.id(), "The invocation was interrupted", null);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Invocation failed inside flagtest: " + e.getCause(), e.getCause());
            }
            end(pending, status, submitted);
            List<String> log = logs.since(mark);
            recent.put(pending.id(), log);
            return new Invocation(pending.id(), outcome, log);
        } finally {
            invocations.unlock();
        }
    }

    /** Lambda's lines after an invocation; a timed-out or interrupted runtime is stopped first, so its output is in. */
    private void end(Pending pending, String status, long submitted) {
        Process current = process;
        long maxMemory = InvocationReport.maxMemoryMb(current);
        if (status != null) {
            stop();
        } else if (current != null && !current.isAlive()) {
            status = "error\tError Type: Runtime.ExitError";
        }
        long dispatched = dispatchedAt;
        if (dispatched == 0) { // never reached the handler (init failed, the runtime died): Lambda still starts it
            logs.add("START RequestId: " + pending.id() + " Version: $LATEST");
            dispatched = submitted;
        }
        java.util.OptionalDouble init = java.util.OptionalDouble.empty();
        if (!initReported && startedAt != 0 && api != null && api.firstPoll().isDone()) {
            init = java.util.OptionalDouble.of(initMillis);
            initReported = true;
        }
        new InvocationReport(
                        pending.id(),
                        (System.nanoTime() - dispatched) / 1e6,
                        config.memoryMb(),
                        maxMemory,
                        init,
                        Optional.ofNullable(status))
                .lines()
                .forEach(logs::add);
    }

    /** Lambda's answer to a timed-out invocation (the function error {@code Unhandled}). */
    private static Outcome timedOut(String message) {
        var body = AwsHttp.JSON.createObjectNode();
        body.put("errorMessage", message);
        body.put("errorType", "Sandbox.Timedout");
        return new Outcome(body.toString().getBytes(StandardCharsets.UTF_8), "Unhandled");
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

    /** An invocation's request id, outcome and log. */
    record Invocation(String requestId, Outcome outcome, List<String> logTail) {}

    private void ensureStarted() {
        if (process != null && process.isAlive()) {
            return;
        }
        stop(); // a crashed runtime's Runtime API and extension go with it
        List<String> options = new ArrayList<>(List.of(
                "-Xmx" + config.memoryMb() + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        options.addAll(quietOptions(Runtime.version().feature()));
        AppCds.Launch sharing = cds.launch(options, runtime.classPath(), config.classPath());
        taskRoot.layOut(sharing.classPath());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(sharing.options());
        command.add("-D" + JNI_PROPERTY + "=" + jni);
        command.add("-cp");
        command.add(runtime.classPath());
        command.add(RIC_MAIN);
        command.add(config.handler());
        extension.ifPresent(start -> agent = start.apply(config.environment()));
        try {
            api = new RuntimeApi(config.arn(), pending -> {
                dispatchedAt = System.nanoTime();
                logs.add("START RequestId: " + pending.id() + " Version: $LATEST");
            });
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the Runtime API of function " + config.name() + ": " + e, e);
        }
        logStream = TIMESTAMP.format(Instant.now()).substring(0, 10).replace('-', '/') + "/[$LATEST]"
                + java.util.UUID.randomUUID().toString().replace("-", "");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(taskRoot.dir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(logs.redirect());
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(environment());
        long logMark = logs.mark();
        try {
            long start = System.nanoTime();
            Process started = builder.start();
            started.onExit().thenAccept(gone -> {
                sharing.exited();
                exited(gone);
            });
            RuntimeApi startedApi = api;
            startedApi.firstPoll().thenRun(() -> initMillis = (System.nanoTime() - start) / 1e6);
            launch = sharing;
            process = started;
            startedAt = start;
            initReported = false;
            served = false;
            if (initLogMark < 0) { // a replaced runtime that never served keeps its earlier init lines in
                initLogMark = logMark;
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot start the runtime of function " + config.name() + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> environment() {
        return RuntimeEnvironment.of(
                config,
                platformEnvironment,
                api.address(),
                logStream,
                taskRoot.dir(),
                runtime.dir(),
                agent == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(agent.port()));
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
                if (launch.records() && served) { // one that never served would archive its init only
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
            taskRoot.close();
        } finally {
            invocations.unlock();
        }
    }
}
