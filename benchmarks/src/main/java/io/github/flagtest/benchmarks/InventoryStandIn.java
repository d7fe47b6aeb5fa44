package io.github.flagtest.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small AppConfig stand-in for the inventory benchmark: answers the read operations the
 * inventory calls (REST-JSON paths of AppConfig's model) for {@code apps} applications of 3
 * environments, one feature flag profile each with two deployments (versions 1 and 2), after
 * {@code latency} per call. No signature check: it stands in for AWS's latency, not its rules.
 */
final class InventoryStandIn implements AutoCloseable {

    static final String[] ENVIRONMENTS = {"dev", "staging", "prod"};

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "inventory-stand-in");
        thread.setDaemon(true);
        return thread;
    });
    private final int apps;
    private final Duration latency;
    final AtomicLong calls = new AtomicLong();

    InventoryStandIn(int apps, Duration latency) throws IOException {
        this.apps = apps;
        this.latency = latency;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            calls.incrementAndGet();
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            String[] path = exchange.getRequestURI().getPath().substring(1).split("/");
            String body;
            String type = "application/json";
            if (path.length == 1) {
                StringBuilder items = new StringBuilder();
                for (int a = 0; a < apps; a++) {
                    items.append(a == 0 ? "" : ",")
                            .append("{\"Id\":\"app")
                            .append(a)
                            .append("\",\"Name\":\"app-")
                            .append(a)
                            .append("\"}");
                }
                body = "{\"Items\":[" + items + "]}";
            } else if (path.length == 3 && path[2].equals("environments")) {
                StringBuilder items = new StringBuilder();
                for (int e = 0; e < ENVIRONMENTS.length; e++) {
                    items.append(e == 0 ? "" : ",")
                            .append("{\"ApplicationId\":\"")
                            .append(path[1])
                            .append("\",\"Id\":\"env")
                            .append(e)
                            .append("\",\"Name\":\"")
                            .append(ENVIRONMENTS[e])
                            .append("\",\"State\":\"READY_FOR_DEPLOYMENT\"}");
                }
                body = "{\"Items\":[" + items + "]}";
            } else if (path.length == 3 && path[2].equals("configurationprofiles")) {
                body = "{\"Items\":[{\"ApplicationId\":\"" + path[1] + "\",\"Id\":\"prof1\",\"Name\":\"flags\","
                        + "\"LocationUri\":\"hosted\",\"Type\":\"AWS.AppConfig.FeatureFlags\"}]}";
            } else if (path.length == 5 && path[4].equals("deployments")) {
                body = "{\"Items\":[" + deployment(2, null) + "," + deployment(1, null) + "]}";
            } else if (path.length == 6 && path[4].equals("deployments")) {
                body = deployment(Integer.parseInt(path[5]), path[1]);
            } else if (path.length == 6 && path[4].equals("hostedconfigurationversions")) {
                int version = Integer.parseInt(path[5]);
                body = document(version);
                exchange.getResponseHeaders().add("Application-Id", path[1]);
                exchange.getResponseHeaders().add("Configuration-Profile-Id", path[3]);
                exchange.getResponseHeaders().add("Version-Number", Integer.toString(version));
            } else {
                byte[] bytes = "{\"Message\":\"not in the stand-in\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
                exchange.sendResponseHeaders(404, bytes.length);
                exchange.getResponseBody().write(bytes);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static String deployment(int number, String app) {
        Instant at = Instant.parse("2026-11-01T00:00:00Z").plus(Duration.ofDays(number * 7L));
        return "{\"DeploymentNumber\":" + number + ",\"ConfigurationName\":\"flags\",\"ConfigurationVersion\":\""
                + number + "\",\"State\":\"COMPLETE\",\"PercentageComplete\":100.0,\"StartedAt\":\"" + at
                + "\",\"CompletedAt\":\"" + at + "\""
                + (app == null
                        ? ""
                        : ",\"ApplicationId\":\"" + app
                                + "\",\"EnvironmentId\":\"env0\",\"ConfigurationProfileId\":\"prof1\"")
                + "}";
    }

    /** Five flags; version 2 turns {@code checkout} ON and changes an attribute. */
    static String document(int version) {
        boolean two = version >= 2;
        return "{\"version\":\"1\",\"flags\":{\"checkout\":{\"name\":\"checkout\"},\"banner\":{\"name\":\"banner\","
                + "\"attributes\":{\"text\":{\"constraints\":{\"type\":\"string\"}}}},\"search\":{\"name\":\"search\"},"
                + "\"export\":{\"name\":\"export\"},\"ui\":{\"name\":\"ui\"}},\"values\":{\"checkout\":{\"enabled\":"
                + two
                + "},\"banner\":{\"enabled\":true,\"text\":\"" + (two ? "new" : "old")
                + "\"},\"search\":{\"enabled\":true},"
                + "\"export\":{\"enabled\":false},\"ui\":{\"_variants\":[{\"name\":\"dark\",\"enabled\":true,"
                + "\"rule\":\"(eq $tier \\\"gold\\\")\"},{\"name\":\"light\",\"enabled\":true}]}}}";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
