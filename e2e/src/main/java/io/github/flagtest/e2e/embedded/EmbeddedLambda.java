package io.github.flagtest.e2e.embedded;

import com.sun.net.httpserver.HttpExchange;
import io.github.flagtest.e2e.embedded.AwsHttp.AwsError;
import io.github.flagtest.e2e.embedded.model.ModelRequest;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Lambda's CreateFunction, GetFunction, UpdateFunctionConfiguration, DeleteFunction and Invoke
 * (REST JSON, {@code /2015-03-31/functions}; invocation types RequestResponse, Event and DryRun).
 * Each function is a {@link FunctionRuntime}. Event invocations are not retried and have no
 * destinations or dead-letter queue.
 *
 * <p>Functions live through Lambda's states: {@code Pending} for a moment after CreateFunction
 * ({@code Invoke} then answers {@code ResourceConflictException}), then {@code Active}; after
 * UpdateFunctionConfiguration, {@code LastUpdateStatus} is {@code InProgress} for a moment (another
 * update then answers {@code ResourceConflictException}), then {@code Successful}. The rules of
 * {@link LambdaRules} apply to every create and update. Source:
 * https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html
 */
final class EmbeddedLambda implements AutoCloseable {

    static final String PREFIX = "/2015-03-31/functions";
    static final String CLASS_PATH_ENTRY = "flagtest-classpath.txt";

    private static final System.Logger LOG = System.getLogger(EmbeddedLambda.class.getName());

    /** How long a function stays Pending after its creation, and InProgress after an update. */
    static final Duration SETTLE = Duration.ofMillis(100);

    private final Map<String, FunctionRuntime> functions = new ConcurrentHashMap<>();
    private final Map<String, Lifecycle> lifecycles = new ConcurrentHashMap<>();
    /** Per function: its published versions (PublishVersion, CreateFunction's Publish), each a snapshot. */
    private final Map<String, java.util.TreeMap<Integer, FunctionRuntime.Config>> versions = new ConcurrentHashMap<>();
    /** Per function: the error its runtime gives a handler class compiled for a newer Java, worked out at deploy. */
    private final Map<String, Optional<String>> loadErrors = new ConcurrentHashMap<>();

    private final LongSupplier nanoClock;
    private final AtomicInteger asyncThreads = new AtomicInteger();
    private final ExecutorService async = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "flagtest-lambda-event-" + asyncThreads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final RuntimeLibrary runtime;
    private final Path jni;
    private final AppCds cds;
    private final Map<String, String> platformEnvironment;

    private final io.github.flagtest.core.FlagSource appConfig;

    EmbeddedLambda(
            RuntimeLibrary runtime,
            Path jni,
            Map<String, String> platformEnvironment,
            AppCds cds,
            io.github.flagtest.core.FlagSource appConfig,
            LongSupplier nanoClock) {
        this.appConfig = appConfig;
        this.nanoClock = nanoClock;
        this.runtime = runtime;
        this.jni = jni;
        this.cds = cds;
        this.platformEnvironment = platformEnvironment;
    }

    Map<String, FunctionRuntime> functions() {
        return functions;
    }

    void handle(HttpExchange exchange, ModelRequest request) throws IOException {
        if (request.operation().equals("CreateFunction")) {
            create(exchange);
            return;
        }
        if (!request.input().has("FunctionName")) {
            throw unsupported(request);
        }
        FunctionIdentifier.Target target = FunctionIdentifier.resolve(
                request.input().path("FunctionName").asText(),
                request.input().path("Qualifier").asText(null),
                this::qualifiers);
        String name = target.name();
        FunctionRuntime function = function(name);
        String version = target.version();
        FunctionRuntime.Config shown = version.equals(FunctionIdentifier.LATEST)
                ? function.config()
                : versions.get(name).get(Integer.valueOf(version));
        switch (request.operation()) {
            case "GetFunction" -> {
                ObjectNode body = AwsHttp.JSON.createObjectNode();
                body.set("Configuration", configuration(shown, lifecycle(name), version));
                body.putObject("Code").put("RepositoryType", "flagtest-embedded");
                AwsHttp.json(exchange, 200, body);
            }
            case "DeleteFunction" -> {
                if (target.qualified() && !version.equals(FunctionIdentifier.LATEST)) {
                    versions.get(name).remove(Integer.valueOf(version)); // deletes that version only
                } else {
                    functions.remove(name).close();
                    lifecycles.remove(name);
                    loadErrors.remove(name);
                    versions.remove(name);
                }
                AwsHttp.empty(exchange, 204);
            }
            case "GetFunctionConfiguration" ->
                AwsHttp.json(exchange, 200, configuration(shown, lifecycle(name), version));
            case "PublishVersion" -> {
                int number = publish(name, function.config());
                AwsHttp.json(
                        exchange, 201, configuration(function.config(), lifecycle(name), Integer.toString(number)));
            }
            case "UpdateFunctionConfiguration" -> update(exchange, name, function);
            case "Invoke" -> {
                if (lifecycle(name).pending(nanoClock.getAsLong())) {
                    throw new AwsError(
                            409,
                            "ResourceConflictException",
                            "The operation cannot be performed at this time. The function is currently in the"
                                    + " following state: Pending");
                }
                invoke(exchange, function, version);
            }
            default -> throw unsupported(request);
        }
    }

    private void update(HttpExchange exchange, String name, FunctionRuntime function) throws IOException {
        Lifecycle lifecycle = lifecycle(name);
        if (!lifecycle.settled(nanoClock.getAsLong())) {
            throw new AwsError(
                    409,
                    "ResourceConflictException",
                    "The operation cannot be performed at this time. An update is in progress for resource: "
                            + function.config().arn());
        }
        JsonNode request = AwsHttp.body(exchange);
        FunctionRuntime.Config current = function.config();
        FunctionRuntime.Config next = new FunctionRuntime.Config(
                current.name(),
                current.arn(),
                request.path("Runtime").asText(current.runtime()),
                request.path("Handler").asText(current.handler()),
                request.has("Environment") ? variables(request) : current.environment(),
                request.path("Timeout").asInt(current.timeoutSeconds()),
                request.path("MemorySize").asInt(current.memoryMb()),
                current.classPath());
        LambdaRules.checkRuntime(next.runtime());
        LambdaRules.checkEnvironment(next.environment());
        function.update(next);
        loadErrors.put(name, HandlerClasses.classVersionError(next));
        prestart(name, function);
        Lifecycle updated = lifecycle.updatedAt(nanoClock.getAsLong());
        lifecycles.put(name, updated);
        AwsHttp.json(exchange, 200, configuration(function.config(), updated, FunctionIdentifier.LATEST));
    }

    private void create(HttpExchange exchange) throws IOException {
        JsonNode request = AwsHttp.body(exchange);
        String name = request.path("FunctionName").asText("");
        String handler = request.path("Handler").asText("");
        if (handler.isBlank()) { // the model leaves Handler optional (images need none); a Zip needs one
            throw AwsError.badRequest("InvalidParameterValueException", "Handler is required for a Zip package");
        }
        if (functions.containsKey(name)) {
            throw new AwsError(409, "ResourceConflictException", "Function already exist: " + name);
        }
        String runtime = request.path("Runtime").asText("");
        LambdaRules.checkRuntime(runtime);
        Map<String, String> environment = variables(request);
        LambdaRules.checkEnvironment(environment);
        String classPath = classPath(request.path("Code").path("ZipFile").asText(""));
        FunctionRuntime.Config config = new FunctionRuntime.Config(
                name,
                "arn:aws:lambda:us-east-1:000000000000:function:" + name,
                runtime,
                handler,
                environment,
                request.path("Timeout").asInt(3),
                request.path("MemorySize").asInt(128),
                classPath);
        boolean extension = layers(request);
        functions.put(
                name,
                new FunctionRuntime(
                        config,
                        this.runtime,
                        jni,
                        platformEnvironment,
                        cds,
                        extension
                                ? Optional.of(env -> new AgentExtension(appConfig, env, nanoClock))
                                : Optional.empty()));
        loadErrors.put(name, HandlerClasses.classVersionError(config));
        prestart(name, functions.get(name));
        Lifecycle lifecycle = Lifecycle.created(nanoClock.getAsLong());
        lifecycles.put(name, lifecycle);
        String version = request.path("Publish").asBoolean(false)
                ? Integer.toString(publish(name, config))
                : FunctionIdentifier.LATEST;
        AwsHttp.json(exchange, 201, configuration(config, lifecycle, version));
    }

    /**
     * Starts the function's execution environment while the caller waits for it to settle (see
     * {@link FunctionRuntime#prestart}); a handler its JVM cannot load gets none, as its invocations
     * answer the load error without one.
     */
    private void prestart(String name, FunctionRuntime function) {
        if (loadErrors.getOrDefault(name, Optional.empty()).isEmpty()) {
            async.execute(function::prestart);
        }
    }

    /** Publishes the function's current configuration as its next version (numbered from 1). */
    private int publish(String name, FunctionRuntime.Config config) {
        java.util.TreeMap<Integer, FunctionRuntime.Config> published =
                versions.computeIfAbsent(name, n -> new java.util.TreeMap<>());
        synchronized (published) {
            int number = published.isEmpty() ? 1 : published.lastKey() + 1;
            published.put(number, config);
            return number;
        }
    }

    /** The qualifiers a function answers to ($LATEST and its published versions); null when it does not exist. */
    private java.util.Set<String> qualifiers(String name) {
        if (!functions.containsKey(name)) {
            return null;
        }
        java.util.Set<String> qualifiers = new java.util.HashSet<>();
        qualifiers.add(FunctionIdentifier.LATEST);
        versions.getOrDefault(name, new java.util.TreeMap<>()).keySet().forEach(n -> qualifiers.add(n.toString()));
        return qualifiers;
    }

    private void invoke(HttpExchange exchange, FunctionRuntime function, String version) throws IOException {
        Optional<String> tooNew = loadErrors.getOrDefault(function.config().name(), Optional.empty());
        if (tooNew.isPresent()) { // Lambda's JVM cannot load the handler: every invocation fails at init
            AwsHttp.send(
                    exchange,
                    200,
                    tooNew.get().getBytes(StandardCharsets.UTF_8),
                    Map.of("Content-Type", "application/json", "X-Amz-Function-Error", "Unhandled"));
            return;
        }
        String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
        byte[] body = exchange.getRequestBody().readAllBytes();
        byte[] event = body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body;
        switch (type == null ? "RequestResponse" : type) {
            case "RequestResponse" -> respond(exchange, function.invoke(event), version);
            case "Event" -> {
                async.execute(() -> invokeLater(function, event));
                AwsHttp.empty(exchange, 202);
            }
            default -> AwsHttp.empty(exchange, 204); // DryRun: the model's InvocationType enum allows no other
        }
    }

    private void respond(HttpExchange exchange, FunctionRuntime.Invocation invocation, String version)
            throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Amz-Executed-Version", version);
        headers.put("x-amzn-RequestId", invocation.requestId()); // Lambda's request id is the invocation's
        if ("Tail".equals(exchange.getRequestHeaders().getFirst("X-Amz-Log-Type"))) {
            headers.put("X-Amz-Log-Result", Base64.getEncoder().encodeToString(tail(invocation.logTail())));
        }
        if (invocation.outcome().functionError() != null) {
            headers.put("X-Amz-Function-Error", invocation.outcome().functionError());
        }
        AwsHttp.send(exchange, 200, invocation.outcome().payload(), headers);
    }

    /**
     * An {@code Event} invocation, after its 202: once, in order with the function's other
     * invocations. Its outcome goes where Lambda sends it without a destination: the function's log
     * (the runtime prints a handler's exception there); what the harness itself failed at is logged.
     */
    private static void invokeLater(FunctionRuntime function, byte[] event) {
        try {
            function.invoke(event);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "flagtest: the Event invocation of function "
                            + function.config().name() + " failed: " + e,
                    e);
        }
    }

    /** The last 4 KB of the invocation's log, as Lambda's LogType=Tail returns. */
    private static byte[] tail(List<String> lines) {
        byte[] all = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, all.length - 4096);
        byte[] tail = new byte[all.length - from];
        System.arraycopy(all, from, tail, 0, tail.length);
        return tail;
    }

    /** The embedded backend ships a class path instead of a zip of classes: see {@link Artifacts}. */
    private static String classPath(String zipBase64) throws IOException {
        if (zipBase64.isBlank()) {
            throw AwsError.badRequest("InvalidParameterValueException", "Code.ZipFile is required");
        }
        try (ZipInputStream zip =
                new ZipInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(zipBase64)))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals(CLASS_PATH_ENTRY)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8).trim();
                }
            }
        }
        throw AwsError.badRequest(
                "InvalidParameterValueException",
                "flagtest's embedded Lambda runs functions from " + "the test class path: the zip must hold "
                        + CLASS_PATH_ENTRY);
    }

    /**
     * Whether the function has one of AWS's AppConfig extension layers (x86_64 or Arm64), which
     * start the embedded agent; other layers (their ARNs checked by the model's {@code
     * LayerVersionArn}) are accepted and, as their code is not the test's, not run.
     */
    private static boolean layers(JsonNode request) {
        boolean extension = false;
        for (JsonNode layer : request.path("Layers")) {
            extension |= AgentExtension.isLayer(layer.asText());
        }
        return extension;
    }

    private static Map<String, String> variables(JsonNode request) {
        Map<String, String> variables = new LinkedHashMap<>();
        request.path("Environment")
                .path("Variables")
                .fields()
                .forEachRemaining(
                        entry -> variables.put(entry.getKey(), entry.getValue().asText()));
        return variables;
    }

    private ObjectNode configuration(FunctionRuntime.Config config, Lifecycle lifecycle, String version) {
        long now = nanoClock.getAsLong();
        ObjectNode body = AwsHttp.JSON
                .createObjectNode()
                .put("FunctionName", config.name())
                .put(
                        "FunctionArn",
                        version.equals(FunctionIdentifier.LATEST) ? config.arn() : config.arn() + ":" + version)
                .put("Version", version)
                .put("Runtime", config.runtime())
                .put("Handler", config.handler())
                .put("Timeout", config.timeoutSeconds())
                .put("MemorySize", config.memoryMb())
                .put("State", lifecycle.pending(now) ? "Pending" : "Active")
                .put("LastUpdateStatus", lifecycle.updating(now) ? "InProgress" : "Successful")
                .put("PackageType", "Zip");
        ObjectNode variables = body.putObject("Environment").putObject("Variables");
        config.environment().forEach(variables::put);
        return body;
    }

    private Lifecycle lifecycle(String name) {
        return lifecycles.getOrDefault(name, Lifecycle.created(Long.MIN_VALUE / 2));
    }

    /** When a function was created and last updated ({@link System#nanoTime()} scale). */
    record Lifecycle(long createdAt, long updatedAt, boolean updated) {
        static Lifecycle created(long now) {
            return new Lifecycle(now, now, false);
        }

        Lifecycle updatedAt(long now) {
            return new Lifecycle(createdAt, now, true);
        }

        boolean pending(long now) {
            return now - createdAt < SETTLE.toNanos();
        }

        boolean updating(long now) {
            return updated && now - updatedAt < SETTLE.toNanos();
        }

        boolean settled(long now) {
            return !pending(now) && !updating(now);
        }
    }

    private FunctionRuntime function(String name) {
        FunctionRuntime function = functions.get(name);
        if (function == null) {
            throw AwsError.notFound("Function not found: " + FunctionIdentifier.arn(name));
        }
        return function;
    }

    private static AwsError unsupported(ModelRequest request) {
        return AwsError.badRequest(
                "UnsupportedOperationException",
                "flagtest's embedded Lambda does not support " + request.operation()
                        + " (it serves CreateFunction, GetFunction, GetFunctionConfiguration,"
                        + " UpdateFunctionConfiguration, PublishVersion, DeleteFunction and Invoke)");
    }

    /** Ends pending Event invocations (interrupted: their runtimes stop), then every function. */
    @Override
    public void close() {
        async.shutdownNow();
        try {
            if (!async.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "flagtest: Event invocations still running after 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            functions.values().forEach(FunctionRuntime::close);
            functions.clear();
        }
    }
}
