package io.github.flagtest.e2e.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.flagtest.e2e.embedded.AwsHttp.AwsError;
import io.github.flagtest.e2e.embedded.model.ModelRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An AWS-compatible HTTP surface on 127.0.0.1 and an ephemeral port, inside the test JVM: Lambda,
 * the AppConfig control and data planes, the AppConfig agent path, and SSM parameters; enough for
 * flagtest's deployer and for functions that read their flags with the AWS SDK. Unsupported
 * operations answer AWS-style errors.
 */
public final class EmbeddedAws implements AutoCloseable {

    static {
        // before this JVM's first JDK HTTP server: without TCP_NODELAY each round trip to this
        // backend, the Runtime API and the agent waits ~40 ms (Nagle + delayed ACK)
        io.github.flagtest.core.NoDelay.enable();
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "flagtest-embedded-aws");
        thread.setDaemon(true);
        return thread;
    });
    private final EmbeddedLambda lambda;
    private final EmbeddedAppConfig appConfig = new EmbeddedAppConfig();
    /** This backend's own credentials: every request must be signed with them. */
    private final RequestSigning signing = RequestSigning.random();

    private final EmbeddedSsm ssm = new EmbeddedSsm();
    private final EmbeddedAppConfigData appConfigData;
    private final Path jniDir;
    private final URI uri;

    public EmbeddedAws(AppCds cds) throws IOException {
        this(cds, System::nanoTime);
    }

    /** With the clock that times Lambda's state changes ({@link System#nanoTime()} scale). */
    public EmbeddedAws(AppCds cds, java.util.function.LongSupplier nanoClock) throws IOException {
        this.jniDir = Files.createTempDirectory("flagtest-ric-");
        RuntimeLibrary runtime = RuntimeLibrary.locate(cds.privateDirectory().orElse(jniDir));
        Path jni = runtime.extractJni(jniDir);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        this.lambda = new EmbeddedLambda(
                runtime,
                jni,
                Map.of(
                        "AWS_ENDPOINT_URL", uri.toString(),
                        "AWS_REGION", "us-east-1",
                        "AWS_DEFAULT_REGION", "us-east-1",
                        "AWS_ACCESS_KEY_ID", signing.accessKeyId(),
                        "AWS_SECRET_ACCESS_KEY", signing.secretAccessKey(),
                        // Lambda's credentials are a role session's: a function's SDK signs with the token too
                        "AWS_SESSION_TOKEN", java.util.UUID.randomUUID().toString()),
                cds,
                appConfig,
                nanoClock);
        this.appConfigData = new EmbeddedAppConfigData(appConfig, nanoClock);
        executor.execute(ModelRoute::preload); // while the deployer prepares its first request
        server.setExecutor(executor);
        server.createContext("/", this::route);
        server.start();
    }

    /**
     * The code of a function on this backend: a zip that only names the class path to run its
     * handler with (the test JVM's), as {@code CreateFunction}'s {@code ZipFile}.
     */
    /** A layer ARN of AWS's AppConfig extension, which makes the embedded Lambda run its own extension. */
    public static final String APPCONFIG_EXTENSION_LAYER =
            "arn:aws:lambda:us-east-1:000000000000:layer:" + AgentExtension.LAYER_NAME + ":1";

    public static byte[] code(String classPath) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            out.putNextEntry(new java.util.zip.ZipEntry(EmbeddedLambda.CLASS_PATH_ENTRY));
            out.write(classPath.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot build the function's zip: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** How long a function stays Pending after creation and InProgress after an update. */
    public static final java.time.Duration STATE_SETTLE = EmbeddedLambda.SETTLE;

    /** Whether {@code function}'s runtime (its execution environment) is up: for tests and diagnostics. */
    public boolean isRunning(String function) {
        FunctionRuntime runtime = lambda.functions().get(function);
        return runtime != null && runtime.isRunning();
    }

    /** The last {@code max} lines {@code function} logged, across its runtimes: for tests and diagnostics. */
    public java.util.List<String> logLines(String function, int max) {
        FunctionRuntime runtime = lambda.functions().get(function);
        return runtime == null ? java.util.List.of() : runtime.logs().all(max);
    }

    /**
     * The whole log of one of {@code function}'s latest invocations (Invoke's {@code LogType=Tail}
     * gives its last 4 KB, as Lambda's): init output, {@code START} to {@code REPORT}.
     */
    public java.util.Optional<java.util.List<String>> invocationLog(String function, String requestId) {
        FunctionRuntime runtime = lambda.functions().get(function);
        return runtime == null ? java.util.Optional.empty() : runtime.invocationLog(requestId);
    }

    /** How often the functions reading {@code application} through AppConfig Data may poll, once one has. */
    public java.util.Optional<java.time.Duration> pollInterval(String application) {
        return appConfig.pollInterval(application);
    }

    public URI uri() {
        return uri;
    }

    public RequestSigning signing() {
        return signing;
    }

    EmbeddedAppConfig appConfig() {
        return appConfig;
    }

    EmbeddedLambda lambda() {
        return lambda;
    }

    /** Whether every resource the deployer created was deleted again. */
    public boolean isEmpty() {
        return lambda.functions().isEmpty() && appConfig.isEmpty() && ssm.isEmpty();
    }

    /**
     * Every request: signed with this backend's credentials for a service it emulates (else an
     * AWS-shaped "not emulated" error in that service's protocol), within 5 minutes, then checked
     * against the AWS model of its operation before the service sees it.
     */
    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                RequestSigning.Scope scope = signing.scope(exchange);
                if (!ModelRoute.EMULATED.contains(scope.service())) {
                    NotEmulated.answer(exchange, scope.service(), body);
                    return;
                }
                signing.verify(exchange, body);
                ModelRequest request = ModelRoute.route(exchange, scope, body);
                exchange.setStreams(new ByteArrayInputStream(body), null);
                switch (request.service()) {
                    case "lambda" -> lambda.handle(exchange, request);
                    case "appconfigdata" -> appConfigData.handle(exchange, request);
                    case "appconfig" -> appConfig.handle(exchange, request);
                    default -> ssm.handle(exchange, request);
                }
            } catch (AwsError error) {
                AwsHttp.error(exchange, error);
            }
        }
    }

    @Override
    public void close() {
        try {
            lambda.close();
        } finally {
            server.stop(0);
            executor.shutdownNow();
            TempDirs.delete(jniDir);
        }
    }
}
