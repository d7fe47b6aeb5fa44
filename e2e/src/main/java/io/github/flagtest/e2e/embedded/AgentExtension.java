package io.github.flagtest.e2e.embedded;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.github.flagtest.core.AppConfigEndpoint;
import io.github.flagtest.core.FlagSource;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.e2e.embedded.AwsHttp.AwsError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/**
 * The AWS AppConfig Lambda extension of one execution environment, as the layer runs it: an HTTP
 * server on localhost ({@code AWS_APPCONFIG_EXTENSION_HTTP_PORT}) that serves only the agent path
 * {@code /applications/{app}/environments/{env}/configurations/{profile}}, from a cache it refreshes
 * from AppConfig every {@code AWS_APPCONFIG_EXTENSION_POLL_INTERVAL_SECONDS} (default 45). It starts
 * and stops with the function's runtime, so a new execution environment starts with an empty cache.
 * Source: https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-integration-lambda-extensions-config.html
 */
final class AgentExtension implements AutoCloseable {

    /** The layer name of AWS's AppConfig extension (any account, region, architecture and version). */
    static final String LAYER_NAME = "AWS-AppConfig-Extension";

    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(45);

    private final HttpServer server;
    private final ExecutorService executor;

    AgentExtension(FlagSource appConfig, Map<String, String> functionEnvironment, LongSupplier nanoClock) {
        Duration interval = pollInterval(functionEnvironment);
        HttpHandler agent = AppConfigEndpoint.httpHandler(new Cache(appConfig, interval, nanoClock));
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the AppConfig extension on 127.0.0.1: " + e.getMessage(), e);
        }
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(
                    task, "flagtest-appconfig-extension-" + server.getAddress().getPort());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().startsWith("/applications/")) {
                if (!freeform(appConfig, exchange)) {
                    agent.handle(exchange);
                }
                return;
            }
            try (exchange) {
                AwsHttp.error(
                        exchange,
                        new AwsError(
                                404,
                                "ResourceNotFoundException",
                                "The AppConfig extension serves /applications/{app}/environments/{env}/configurations/"
                                        + "{profile}, not "
                                        + exchange.getRequestURI().getPath()));
            }
        });
        server.start();
    }

    /**
     * Whether {@code arn} is a version of AWS's AppConfig extension layer, for x86_64 ({@code
     * AWS-AppConfig-Extension}) or Arm64 ({@code AWS-AppConfig-Extension-Arm64}), in any account
     * and region. Source: https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-integration-lambda-extensions-versions.html
     */
    static boolean isLayer(String arn) {
        String[] parts = arn.split(":");
        return parts.length == 8
                && parts[5].equals("layer")
                && (parts[6].equals(LAYER_NAME) || parts[6].equals(LAYER_NAME + "-Arm64"));
    }

    /**
     * Serves a profile that is not a feature-flag one ({@code AWS.Freeform}) as the agent does: the
     * deployed bytes with their content type. Whether it answered.
     */
    private static boolean freeform(FlagSource appConfig, com.sun.net.httpserver.HttpExchange exchange)
            throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/", -1);
        if (!(appConfig instanceof EmbeddedAppConfig store)
                || parts.length != 7
                || !parts[5].equals("configurations")) {
            return false;
        }
        Optional<AppConfigStore.Hosted> hosted = store.deployed(parts[2], parts[4], parts[6]);
        if (hosted.isEmpty() || hosted.get().state().isPresent()) {
            return false;
        }
        try (exchange) {
            AwsHttp.send(
                    exchange,
                    200,
                    hosted.get().content(),
                    Map.of("Content-Type", hosted.get().contentType()));
        }
        return true;
    }

    int port() {
        return server.getAddress().getPort();
    }

    static Duration pollInterval(Map<String, String> environment) {
        String value = environment.get("AWS_APPCONFIG_EXTENSION_POLL_INTERVAL_SECONDS");
        if (value == null || value.isBlank()) {
            return DEFAULT_POLL_INTERVAL;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_POLL_INTERVAL;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** What the extension last fetched from AppConfig for each profile, good for one poll interval. */
    static final class Cache implements FlagSource {
        private record Entry(Optional<FlagState> state, long fetchedAt) {}

        private final FlagSource upstream;
        private final long intervalNanos;
        private final LongSupplier nanoClock;
        private final Map<String, Entry> entries = new ConcurrentHashMap<>();

        Cache(FlagSource upstream, Duration interval, LongSupplier nanoClock) {
            this.upstream = upstream;
            this.intervalNanos = interval.toNanos();
            this.nanoClock = nanoClock;
        }

        @Override
        public Optional<FlagState> state(String app, String env, String profile) {
            long now = nanoClock.getAsLong();
            return entries.compute(
                            app + "\n" + env + "\n" + profile,
                            (key, entry) ->
                                    entry == null || entry.state().isEmpty() || now - entry.fetchedAt() >= intervalNanos
                                            ? new Entry(upstream.state(app, env, profile), now)
                                            : entry)
                    .state();
        }

        @Override
        public void served(
                FlagState served,
                String operation,
                Map<String, String> context,
                String app,
                String env,
                String profile) {
            upstream.served(served, operation, context, app, env, profile);
        }

        @Override
        public String toString() {
            return upstream.toString();
        }
    }
}
