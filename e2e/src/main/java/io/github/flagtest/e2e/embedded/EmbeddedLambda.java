package io.github.flagtest.e2e.embedded;

import com.sun.net.httpserver.HttpExchange;
import io.github.flagtest.e2e.embedded.AwsHttp.AwsError;
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

    /** Lambda's pattern for a layer version ARN (API_CreateFunction, Layers). */
    static final java.util.regex.Pattern LAYER_ARN = java.util.regex.Pattern.compile(
            "arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+");

    private static final System.Logger LOG = System.getLogger(EmbeddedLambda.class.getName());

    /** How long a function stays Pending after its creation, and InProgress after an update. */
    static final Duration SETTLE = Duration.ofMillis(100);

    private final Map<String, FunctionRuntime> functions = new ConcurrentHashMap<>();
    private final Map<String, Lifecycle> lifecycles = new ConcurrentHashMap<>();
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

    void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String rest = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String[] parts = rest.isEmpty() || rest.equals("/")
                ? new String[0]
                : rest.substring(1).split("/");
        if (parts.length == 0 && method.equals("POST")) {
            create(exchange);
            return;
        }
        if (parts.length == 0) {
            throw unsupported(exchange);
        }
        FunctionRuntime function = function(parts[0]);
        if (parts.length == 1 && method.equals("GET")) {
            ObjectNode body = AwsHttp.JSON.createObjectNode();
            body.set("Configuration", configuration(function.config(), lifecycle(parts[0])));
            body.putObject("Code").put("RepositoryType", "flagtest-embedded");
            AwsHttp.json(exchange, 200, body);
        } else if (parts.length == 1 && method.equals("DELETE")) {
            functions.remove(parts[0]).close();
            lifecycles.remove(parts[0]);
            loadErrors.remove(parts[0]);
            AwsHttp.empty(exchange, 204);
        } else if (parts.length == 2 && parts[1].equals("configuration") && method.equals("GET")) {
            AwsHttp.json(exchange, 200, configuration(function.config(), lifecycle(parts[0])));
        } else if (parts.length == 2 && parts[1].equals("configuration") && method.equals("PUT")) {
            Lifecycle lifecycle = lifecycle(parts[0]);
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
            loadErrors.put(parts[0], HandlerClasses.classVersionError(next));
            Lifecycle updated = lifecycle.updatedAt(nanoClock.getAsLong());
            lifecycles.put(parts[0], updated);
            AwsHttp.json(exchange, 200, configuration(function.config(), updated));
        } else if (parts.length == 2 && parts[1].equals("invocations") && method.equals("POST")) {
            if (lifecycle(parts[0]).pending(nanoClock.getAsLong())) {
                throw new AwsError(
                        409,
                        "ResourceConflictException",
                        "The operation cannot be performed at this time. The function is currently in the following"
                                + " state: Pending");
            }
            invoke(exchange, function);
        } else {
            throw unsupported(exchange);
        }
    }

    private void create(HttpExchange exchange) throws IOException {
        JsonNode request = AwsHttp.body(exchange);
        String name = request.path("FunctionName").asText("");
        String handler = request.path("Handler").asText("");
        if (name.isBlank() || handler.isBlank()) {
            throw AwsError.badRequest("InvalidParameterValueException", "FunctionName and Handler are required");
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
        Lifecycle lifecycle = Lifecycle.created(nanoClock.getAsLong());
        lifecycles.put(name, lifecycle);
        AwsHttp.json(exchange, 201, configuration(config, lifecycle));
    }

    private void invoke(HttpExchange exchange, FunctionRuntime function) throws IOException {
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
            case "RequestResponse" -> respond(exchange, function.invoke(event));
            case "Event" -> {
                async.execute(() -> invokeLater(function, event));
                AwsHttp.empty(exchange, 202);
            }
            case "DryRun" -> AwsHttp.empty(exchange, 204);
            default ->
                throw AwsError.badRequest(
                        "InvalidParameterValueException",
                        "X-Amz-Invocation-Type must be RequestResponse, Event or DryRun, not " + type);
        }
    }

    private void respond(HttpExchange exchange, FunctionRuntime.Invocation invocation) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Amz-Executed-Version", "$LATEST");
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
     * Whether the function has AWS's AppConfig extension layer, the one layer flagtest's embedded
     * Lambda runs; a layer that is not an ARN is a ValidationException, as on AWS.
     */
    private static boolean layers(JsonNode request) {
        boolean extension = false;
        for (JsonNode layer : request.path("Layers")) {
            String arn = layer.asText();
            if (!LAYER_ARN.matcher(arn).matches()) {
                throw AwsError.badRequest(
                        "ValidationException",
                        "1 validation error detected: Value '" + arn + "' at 'layers' failed to satisfy constraint:"
                                + " Member must satisfy regular expression pattern: " + LAYER_ARN.pattern());
            }
            if (!AgentExtension.isLayer(arn)) {
                throw AwsError.badRequest(
                        "InvalidParameterValueException",
                        "flagtest's embedded Lambda runs no layer but AWS's AppConfig extension ("
                                + AgentExtension.LAYER_NAME + "), not " + arn);
            }
            extension = true;
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

    private ObjectNode configuration(FunctionRuntime.Config config, Lifecycle lifecycle) {
        long now = nanoClock.getAsLong();
        ObjectNode body = AwsHttp.JSON
                .createObjectNode()
                .put("FunctionName", config.name())
                .put("FunctionArn", config.arn())
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
            throw AwsError.notFound("Function not found: arn:aws:lambda:us-east-1:000000000000:function:" + name);
        }
        return function;
    }

    private static AwsError unsupported(HttpExchange exchange) {
        return AwsError.badRequest(
                "UnsupportedOperationException",
                "flagtest's embedded Lambda does not support " + exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath());
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
