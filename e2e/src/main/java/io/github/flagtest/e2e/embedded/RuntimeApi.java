package io.github.flagtest.e2e.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API of one embedded function, on 127.0.0.1 and an ephemeral port: the child
 * JVM's Runtime Interface Client long-polls {@code /next}, then posts a response or an error.
 */
final class RuntimeApi implements AutoCloseable {

    static final String PREFIX = "/2018-06-01/runtime/";

    /** What an invocation produced: the payload, and the function error type if it failed. */
    record Outcome(byte[] payload, String functionError) {}

    /**
     * One queued or running invocation. {@code finished} completes when the runtime asks for its next
     * invocation after this one (or stops): only then has it written all of this invocation's log,
     * as Lambda's {@code END} line marks.
     */
    record Pending(
            String id,
            String traceId,
            byte[] event,
            long deadlineMillis,
            CompletableFuture<Outcome> outcome,
            CompletableFuture<Void> finished) {}

    private final String functionArn;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "flagtest-runtime-api");
        thread.setDaemon(true);
        return thread;
    });
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<String, Pending> running = new ConcurrentHashMap<>();
    private final java.util.function.Consumer<Pending> dispatched;
    private final CompletableFuture<Void> firstPoll = new CompletableFuture<>();
    private volatile Pending last; // the invocation handed out last, finished at the next poll
    private volatile boolean closed;

    /** @param dispatched told of each invocation as the runtime takes it, before it runs */
    RuntimeApi(String functionArn, java.util.function.Consumer<Pending> dispatched) throws IOException {
        this.functionArn = functionArn;
        this.dispatched = dispatched;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** {@code 127.0.0.1:PORT}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Completes when the runtime first asks for an invocation: its init phase is over. */
    CompletableFuture<Void> firstPoll() {
        return firstPoll;
    }

    Pending submit(byte[] event, long timeoutMillis) {
        Pending pending = new Pending(
                UUID.randomUUID().toString(),
                TraceIds.next(),
                event,
                System.currentTimeMillis() + timeoutMillis,
                new CompletableFuture<>(),
                new CompletableFuture<>());
        queue.add(pending);
        return pending;
    }

    /** Fails every queued and running invocation, e.g. because the runtime process died. */
    void failAll(Outcome outcome) {
        running.values().forEach(pending -> {
            pending.outcome().complete(outcome);
            pending.finished().complete(null);
        });
        running.clear();
        Pending queued;
        while ((queued = queue.poll()) != null) {
            queued.outcome().complete(outcome);
            queued.finished().complete(null);
        }
        Pending previous = last;
        if (previous != null) {
            previous.finished().complete(null);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange);
            } else if (path.startsWith("invocation/") && path.endsWith("/response")) {
                complete(exchange, path, null);
            } else if (path.startsWith("invocation/") && path.endsWith("/error")) {
                complete(exchange, path, "Unhandled");
            } else if (path.equals("init/error")) {
                byte[] error = exchange.getRequestBody().readAllBytes();
                failAll(new Outcome(error, "Unhandled"));
                AwsHttp.send(
                        exchange, 202, "{\"status\":\"OK\"}".getBytes(), Map.of("Content-Type", "application/json"));
            } else {
                AwsHttp.empty(exchange, 404);
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstPoll.complete(null);
        Pending previous = last;
        if (previous != null) {
            previous.finished().complete(null); // the runtime is done with it, log lines included
        }
        Pending pending = null;
        try {
            while (!closed && pending == null) {
                pending = queue.poll(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pending == null) {
            AwsHttp.empty(exchange, 500);
            return;
        }
        running.put(pending.id(), pending);
        last = pending;
        dispatched.accept(pending);
        AwsHttp.send(
                exchange,
                200,
                pending.event(),
                Map.of(
                        "Content-Type",
                        "application/json",
                        "Lambda-Runtime-Aws-Request-Id",
                        pending.id(),
                        "Lambda-Runtime-Deadline-Ms",
                        Long.toString(pending.deadlineMillis()),
                        "Lambda-Runtime-Invoked-Function-Arn",
                        functionArn,
                        "Lambda-Runtime-Trace-Id",
                        pending.traceId(),
                        "Lambda-Runtime-Client-Context",
                        "",
                        "Lambda-Runtime-Cognito-Identity",
                        ""));
    }

    private void complete(HttpExchange exchange, String path, String functionError) throws IOException {
        String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
        byte[] body = exchange.getRequestBody().readAllBytes();
        Pending pending = running.remove(id);
        if (pending == null) {
            AwsHttp.send(exchange, 400, "{\"errorMessage\":\"unknown request id\"}".getBytes(), Map.of());
            return;
        }
        pending.outcome().complete(new Outcome(body, functionError));
        AwsHttp.send(exchange, 202, "{\"status\":\"OK\"}".getBytes(), Map.of("Content-Type", "application/json"));
    }

    @Override
    public void close() {
        closed = true;
        failAll(new Outcome("{\"errorMessage\":\"the function was shut down\"}".getBytes(), "Unhandled"));
        server.stop(0);
        executor.shutdownNow();
    }
}
