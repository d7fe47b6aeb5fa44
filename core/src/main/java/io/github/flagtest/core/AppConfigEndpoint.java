package io.github.flagtest.core;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.github.flagtest.core.appconfig.AppConfigHandler;
import io.github.flagtest.core.appconfig.RetrievalDocument;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A local AWS AppConfig that serves a {@link FakeFlags}' current state in the feature-flag
 * retrieval form, so that unmodified clients read the fake:
 *
 * <ul>
 *   <li>the AppConfig Data API ({@code StartConfigurationSession}, {@code GetLatestConfiguration})
 *       for an {@code AppConfigDataClient} (or Powertools' AppConfig provider) with an endpoint
 *       override: {@link #uri()};
 *   <li>the AppConfig agent / Lambda extension path
 *       {@code /applications/{app}/environments/{env}/configurations/{profile}} with optional
 *       {@code ?flag=}: {@link #agentUri(String, String, String)}.
 * </ul>
 *
 * <pre>{@code
 * try (AppConfigEndpoint endpoint = AppConfigEndpoint.start(flags)) {
 *     AppConfigDataClient client = AppConfigDataClient.builder()   // or: endpoint.setSystemProperty() and
 *                                                                   //     AppConfigDataClient.create()
 *             .endpointOverride(endpoint.uri())
 *             .region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
 *             .build();
 *     // flags.disable("loyalty-points") -> the next GetLatestConfiguration returns the new document
 * }
 * }</pre>
 *
 * <p>Listens on 127.0.0.1 and an ephemeral port. Every document served is recorded as one read of
 * each flag in it, so entry-point and single-site checks keep working. In JUnit tests, ask for an
 * {@code AppConfigEndpoint} parameter: flagtest starts one per test and closes it afterwards.
 *
 * @since 0.1.0
 */
public final class AppConfigEndpoint implements AutoCloseable {

    /** The system property through which AWS SDK v2 finds a service-specific AppConfig Data endpoint. */
    public static final String SDK_ENDPOINT_PROPERTY = "aws.endpointUrlAppConfigData";

    /** What {@link #setSystemProperty()} sets besides the endpoint: region and test credentials. */
    static final Map<String, String> SDK_CLIENT_PROPERTIES = Map.of(
            "aws.region", "us-east-1",
            "aws.accessKeyId", "flagtest",
            "aws.secretAccessKey", "flagtest");

    private static final AtomicInteger THREADS = new AtomicInteger();

    static {
        NoDelay.enable();
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final AppConfigHandler handler;
    private final URI uri;
    private final Map<String, Optional<String>> previousProperties = new LinkedHashMap<>(); // guarded by this
    private boolean closed; // guarded by this

    private AppConfigEndpoint(Supplier<Optional<FakeFlags>> flags, Names names, LongSupplier nanoClock)
            throws IOException {
        this.handler = new AppConfigHandler(new FakeFlagsSource(flags, names), nanoClock);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String threadPrefix = threadPrefix(server.getAddress().getPort());
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, threadPrefix + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The name prefix of the threads serving the endpoint on {@code port}. */
    static String threadPrefix(int port) {
        return "flagtest-appconfig-" + port + "-";
    }

    /**
     * The document AppConfig serves for {@code state} without a context, in the retrieval form:
     * {@code {"loyalty-points":{"enabled":true},"checkout":{"_variant":"Default","enabled":false}}}
     * (a multi-variant flag as its default variant, with its attribute values). For stores flagtest
     * fills with the same content, such as an SSM parameter.
     *
     * @param state the flag state
     * @return the JSON document AppConfig would serve
     * @since 0.1.0
     */
    public static String retrievalDocument(FlagState state) {
        return RetrievalDocument.of(state);
    }

    /**
     * Starts an endpoint that serves {@code flags} under any application, environment and profile name.
     *
     * @param flags the fake the endpoint answers from
     * @return the running endpoint; close it after the test
     */
    public static AppConfigEndpoint start(FakeFlags flags) {
        return start(flags, Names.ANY);
    }

    /**
     * Starts an endpoint that serves {@code flags} only under these names; any other name answers
     * {@code ResourceNotFoundException}, as AWS does.
     *
     * @param flags the fake the endpoint answers from
     * @param app the AppConfig application name
     * @param env the environment name
     * @param profile the configuration profile name
     * @return the running endpoint; close it after the test
     */
    public static AppConfigEndpoint start(FakeFlags flags, String app, String env, String profile) {
        return start(flags, new Names(required(app, "app"), required(env, "env"), required(profile, "profile")));
    }

    private static AppConfigEndpoint start(FakeFlags flags, Names names) {
        return start(flags, names, System::nanoTime);
    }

    /**
     * Starts an endpoint, under any names, that serves at each request whichever {@link FakeFlags}
     * {@code flags} gives then (a framework's context that outlives tests serves the running test's),
     * and every flag OFF when it gives none; reads are recorded on the fake that was served.
     *
     * @param flags the fake to serve at the moment of each request; empty for every flag OFF
     * @return the started endpoint; close it when its context closes
     * @since 0.1.0
     */
    public static AppConfigEndpoint start(Supplier<Optional<FakeFlags>> flags) {
        Objects.requireNonNull(flags, "flags");
        try {
            return new AppConfigEndpoint(flags, Names.ANY, System::nanoTime);
        } catch (IOException e) {
            throw new FlagTestException("AppConfigEndpoint cannot listen on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** With a clock of the test's own, for poll timing ({@link System#nanoTime()} scale). */
    static AppConfigEndpoint start(FakeFlags flags, Names names, LongSupplier nanoClock) {
        Objects.requireNonNull(flags, "flags");
        Optional<FakeFlags> fixed = Optional.of(flags);
        try {
            return new AppConfigEndpoint(() -> fixed, names, nanoClock);
        } catch (IOException e) {
            throw new FlagTestException("AppConfigEndpoint cannot listen on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /**
     * The endpoint override for an {@code AppConfigDataClient}, e.g. {@code http://127.0.0.1:50123}.
     *
     * @return the endpoint's base URI
     */
    public URI uri() {
        return uri;
    }

    /**
     * The agent / Lambda extension URL of one configuration profile.
     *
     * @param app the AppConfig application name
     * @param env the environment name
     * @param profile the configuration profile name
     * @return {@code http://127.0.0.1:<port>/applications/<app>/environments/<env>/configurations/<profile>}
     */
    public URI agentUri(String app, String env, String profile) {
        return uri.resolve(
                "/applications/" + encode(app) + "/environments/" + encode(env) + "/configurations/" + encode(profile));
    }

    /**
     * The port, for {@code AWS_APPCONFIG_EXTENSION_HTTP_PORT}.
     *
     * @return the port the endpoint listens on, on 127.0.0.1
     */
    public int port() {
        return uri.getPort();
    }

    /**
     * How many sessions {@code StartConfigurationSession} opened.
     *
     * @return the number of sessions started so far
     */
    public int sessionsStarted() {
        return handler.sessionsStarted();
    }

    /**
     * How many non-empty documents were served (Data API and agent path).
     *
     * @return the number of non-empty documents served so far
     */
    public int configurationsServed() {
        return handler.configurationsServed();
    }

    /**
     * Until {@link #close()}, points AWS SDK v2 clients built without any configuration at this
     * endpoint: sets {@value #SDK_ENDPOINT_PROPERTY} to {@link #uri()}, {@code aws.region} to
     * {@code us-east-1} and {@code aws.accessKeyId}/{@code aws.secretAccessKey} to test values (the
     * first places the SDK's default region and credentials chains look), so an unmodified {@code
     * AppConfigDataClient.create()} or Powertools' {@code AppConfigProvider} needs nothing else, and
     * real credentials never go out. {@link #close()} restores each property. The properties are
     * JVM-wide: in parallel runs, guard the test with {@code @ResourceLock(Resources.SYSTEM_PROPERTIES)}.
     *
     * @return this endpoint
     */
    public synchronized AppConfigEndpoint setSystemProperty() {
        Map<String, String> properties = new LinkedHashMap<>(SDK_CLIENT_PROPERTIES);
        properties.put(SDK_ENDPOINT_PROPERTY, uri.toString());
        properties.forEach((key, value) -> {
            previousProperties.computeIfAbsent(key, k -> Optional.ofNullable(System.getProperty(k)));
            System.setProperty(key, value);
        });
        return this;
    }

    /** Stops the server at once (open connections are dropped) and restores the system property. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop(0);
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            previousProperties.forEach((key, previous) ->
                    previous.ifPresentOrElse(value -> System.setProperty(key, value), () -> System.clearProperty(key)));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            handler.handle(exchange);
        }
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new FlagTestException("AppConfigEndpoint.start: " + what + " must not be blank");
        }
        return value;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "AppConfigEndpoint[" + uri + "]";
    }

    /**
     * From now on, refuses a {@code GetLatestConfiguration} made before the previous answer's
     * {@code NextPollIntervalInSeconds} (15 to 86400 s, from the session's {@code
     * RequiredMinimumPollIntervalInSeconds}, default 60) with {@code BadRequestException}, as AWS
     * AppConfig does: proves that a client caches between polls. Off by default, so a unit test
     * may poll as often as it likes.
     *
     * <pre>{@code
     * AppConfigEndpoint endpoint = AppConfigEndpoint.start(flags).enforcePollInterval();
     * }</pre>
     *
     * @return this endpoint
     * @since 0.1.0
     */
    public AppConfigEndpoint enforcePollInterval() {
        handler.enforcePollInterval(true);
        return this;
    }

    /**
     * The AppConfig Data API and agent path over {@code source}, to mount in a server of your own
     * (flagtest's embedded E2E backend does): tokens, sessions, headers and errors as {@link
     * AppConfigEndpoint} answers them, with the poll interval enforced as AWS enforces it.
     *
     * @param source where each answer's flags come from
     * @return a handler for a JDK {@code HttpServer}
     */
    public static HttpHandler httpHandler(FlagSource source) {
        AppConfigHandler handler = new AppConfigHandler(Objects.requireNonNull(source, "source"));
        handler.enforcePollInterval(true);
        return exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        };
    }

    /** The application, environment and profile names served; {@link #ANY} serves every name. */
    record Names(String app, String env, String profile) {
        static final Names ANY = new Names(null, null, null);

        boolean accepts(String app, String env, String profile) {
            return this.app == null || (this.app.equals(app) && this.env.equals(env) && this.profile.equals(profile));
        }

        @Override
        public String toString() {
            return app == null ? "any profile" : "this endpoint serves " + app + "/" + env + "/" + profile;
        }
    }

    /** Serves one test's fake under the accepted names and records what it served. */
    private record FakeFlagsSource(Supplier<Optional<FakeFlags>> flags, Names names) implements FlagSource {
        @Override
        public Optional<FlagState> state(String app, String env, String profile) {
            return names.accepts(app, env, profile)
                    ? Optional.of(flags.get().map(FakeFlags::state).orElse(FlagState.empty()))
                    : Optional.empty();
        }

        @Override
        public void served(
                FlagState served,
                String operation,
                Map<String, String> context,
                String app,
                String env,
                String profile) {
            flags.get()
                    .ifPresent(fake -> fake.recordServed(
                            served,
                            operation,
                            operation.endsWith(AppConfigHandler.BY_NAME),
                            context,
                            "appconfig:" + app + "/" + env + "/" + profile));
        }

        @Override
        public String toString() {
            return names.toString();
        }
    }
}
