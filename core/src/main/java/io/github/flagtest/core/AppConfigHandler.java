package io.github.flagtest.core;

import com.sun.net.httpserver.HttpExchange;
import io.github.flagtest.shaded.jackson.core.JsonProcessingException;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The HTTP surface of {@link AppConfigEndpoint}: routes requests, keeps sessions and tokens, serves
 * documents, and answers errors the way AWS does ({@code x-amzn-ErrorType} and a JSON body).
 */
final class AppConfigHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_POLL_INTERVAL = 60;
    /** Suffix of the operation that served flags asked for by name: those are attributable reads. */
    static final String BY_NAME = "?flag=";

    private final FlagSource source;
    private final LongSupplier nanoClock;
    private volatile boolean enforcePollInterval;
    private final Map<String, Session> tokens = new ConcurrentHashMap<>();
    private final Map<String, Integer> versions = new HashMap<>(); // guarded by itself
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();

    AppConfigHandler(FlagSource source) {
        this(source, System::nanoTime);
    }

    AppConfigHandler(FlagSource source, LongSupplier nanoClock) {
        this.source = source;
        this.nanoClock = nanoClock;
    }

    /**
     * Refuses, as AWS does, a {@code GetLatestConfiguration} made before the previous answer's
     * {@code NextPollIntervalInSeconds} ran out ({@code BadRequestException}); the token stays good.
     */
    void enforcePollInterval(boolean enforce) {
        this.enforcePollInterval = enforce;
    }

    int sessionsStarted() {
        return sessions.get();
    }

    int configurationsServed() {
        return served.get();
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        try {
            if (path.equals("/configurationsessions")) {
                requireMethod(method, "POST", "StartConfigurationSession");
                startSession(exchange);
            } else if (path.equals("/configuration")) {
                requireMethod(method, "GET", "GetLatestConfiguration");
                latestConfiguration(exchange);
            } else if (path.startsWith("/applications/")) {
                requireMethod(method, "GET", "the AppConfig agent path");
                agent(exchange, path);
            } else {
                throw new AwsError(
                        404,
                        "UnknownOperationException",
                        "flagtest's AppConfigEndpoint serves "
                                + "/configurationsessions, /configuration and /applications/{app}/environments/{env}/"
                                + "configurations/{profile}, not " + method + " " + path);
            }
        } catch (AwsError error) {
            send(exchange, error.status, error.body(), Map.of("x-amzn-ErrorType", error.type));
        }
    }

    private void startSession(HttpExchange exchange) throws IOException {
        JsonNode request;
        try {
            request = JSON.readTree(exchange.getRequestBody());
        } catch (JsonProcessingException e) {
            throw AwsError.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            throw AwsError.badRequest("The request body must be a JSON object");
        }
        String app = text(request, "ApplicationIdentifier");
        String env = text(request, "EnvironmentIdentifier");
        String profile = text(request, "ConfigurationProfileIdentifier");
        state(app, env, profile);
        int interval = request.path("RequiredMinimumPollIntervalInSeconds").asInt(DEFAULT_POLL_INTERVAL);
        if (interval < 15 || interval > 86_400) {
            throw AwsError.badRequest(
                    "RequiredMinimumPollIntervalInSeconds must be between 15 and 86400, was " + interval);
        }
        sessions.incrementAndGet();
        source.sessionStarted(app, env, profile, interval);
        String token = newToken(new Session(app, env, profile, interval, null, nanoClock.getAsLong()));
        ObjectNode body = JSON.createObjectNode().put("InitialConfigurationToken", token);
        send(
                exchange,
                201,
                body.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
    }

    private void latestConfiguration(HttpExchange exchange) throws IOException {
        List<String> values = query(exchange).getOrDefault("configuration_token", List.of());
        if (values.isEmpty() || values.get(0).isBlank()) {
            throw AwsError.badRequest("The configuration_token query parameter is required");
        }
        String token = values.get(0);
        Session session = tokens.get(token);
        long now = nanoClock.getAsLong();
        if (session != null && enforcePollInterval && now - session.earliestPollNanos() < 0) {
            long waitMillis = (session.earliestPollNanos() - now + 999_999) / 1_000_000; // rounded up
            throw AwsError.badRequest("Request too early: this session polls at most every " + session.interval()
                    + " s (NextPollIntervalInSeconds, from RequiredMinimumPollIntervalInSeconds); poll again in "
                    + waitMillis + " ms with the same token");
        }
        if (session == null || !tokens.remove(token, session)) { // one poll per token, also under races
            throw AwsError.badRequest("The configuration token is invalid or was already used; use the "
                    + "NextPollConfigurationToken of the previous response");
        }
        FlagState state = state(session.app(), session.env(), session.profile());
        String document = RetrievalDocument.of(state);
        boolean changed = !document.equals(session.lastDocument());
        String next = newToken(session.served(document, now + TimeUnit.SECONDS.toNanos(session.interval())));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Next-Poll-Configuration-Token", next);
        headers.put("Next-Poll-Interval-In-Seconds", Integer.toString(session.interval()));
        headers.put("Version-Label", version(document));
        if (changed) {
            record(state, session.app(), session.env(), session.profile(), "GetLatestConfiguration");
        }
        send(exchange, 200, changed ? document.getBytes(StandardCharsets.UTF_8) : new byte[0], headers);
    }

    private void agent(HttpExchange exchange, String path) throws IOException {
        String[] parts = path.split("/", -1);
        if (parts.length != 7
                || !parts[1].equals("applications")
                || !parts[3].equals("environments")
                || !parts[5].equals("configurations")) {
            throw new AwsError(
                    404,
                    "ResourceNotFoundException",
                    "Expected /applications/{app}/environments/{env}/" + "configurations/{profile} but got " + path);
        }
        String app = decode(parts[2]);
        String env = decode(parts[4]);
        String profile = decode(parts[6]);
        FlagState state = state(app, env, profile);
        List<String> wanted = query(exchange).getOrDefault("flag", List.of());
        for (String flag : wanted) {
            if (!state.declares(flag)) {
                throw new AwsError(
                        404,
                        "ResourceNotFoundException",
                        "Flag '" + flag + "' is not in configuration profile " + profile + " (declared: "
                                + state.flags() + ")");
            }
        }
        Map<String, String> context = context(exchange);
        FlagState servedState = wanted.isEmpty() ? state : subset(state, wanted);
        FlagState resolved = resolve(servedState, context);
        String document =
                wanted.size() == 1 ? RetrievalDocument.flag(resolved, wanted.get(0)) : RetrievalDocument.of(resolved);
        served.incrementAndGet();
        source.served(servedState, wanted.isEmpty() ? "agent" : "agent" + BY_NAME, context, app, env, profile);
        send(exchange, 200, document.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"));
    }

    private void record(FlagState state, String app, String env, String profile, String operation) {
        served.incrementAndGet();
        source.served(state, operation, Map.of(), app, env, profile); // no context on the Data API
    }

    private FlagState state(String app, String env, String profile) {
        return source.state(app, env, profile)
                .orElseThrow(() -> new AwsError(
                        404,
                        "ResourceNotFoundException",
                        "No configuration profile " + app + "/" + env + "/" + profile + "; " + source));
    }

    private String newToken(Session session) {
        String token = UUID.randomUUID().toString();
        tokens.put(token, session);
        return token;
    }

    private String version(String document) {
        synchronized (versions) {
            return Integer.toString(versions.computeIfAbsent(document, d -> versions.size() + 1));
        }
    }

    /**
     * The agent's evaluation context: {@code Context: key=value} headers, several headers or
     * comma-separated pairs in one.
     */
    static Map<String, String> context(HttpExchange exchange) {
        Map<String, String> context = new LinkedHashMap<>();
        for (String header : exchange.getRequestHeaders().getOrDefault("Context", List.of())) {
            for (String pair : header.split(",")) {
                int equals = pair.indexOf('=');
                if (equals <= 0 || pair.substring(0, equals).isBlank()) {
                    throw AwsError.badRequest("Context header part '" + pair.trim()
                            + "' is not key=value; send e.g. Context: userId=42 (several pairs comma-separated)");
                }
                context.put(
                        pair.substring(0, equals).trim(),
                        pair.substring(equals + 1).trim());
            }
        }
        return context;
    }

    /** The state with every multi-variant flag narrowed to the variant {@code context} selects. */
    private static FlagState resolve(FlagState state, Map<String, String> context) {
        FlagState resolved = state;
        for (Map.Entry<String, Object> entry : state.asMap().entrySet()) {
            if (entry.getValue() instanceof Variants variants) {
                String flag = entry.getKey();
                resolved = resolved.with(
                        flag, variants.pinned(variants.variantFor(context, flag).name()));
            }
        }
        return resolved;
    }

    private static FlagState subset(FlagState state, List<String> wanted) {
        return state.only(wanted);
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw AwsError.badRequest(field + " is required");
        }
        return value.asText();
    }

    private static void requireMethod(String actual, String expected, String operation) {
        if (!actual.equals(expected)) {
            throw new AwsError(405, "MethodNotAllowedException", operation + " takes " + expected + ", not " + actual);
        }
    }

    private static Map<String, List<String>> query(HttpExchange exchange) {
        Map<String, List<String>> parameters = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AwsError.badRequest("Malformed URL encoding in '" + text + "'");
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body, Map<String, String> headers)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (!headers.containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * One configuration session: its names, poll interval, the document it last received and when
     * its current token may be used ({@link System#nanoTime()} scale).
     */
    private record Session(
            String app, String env, String profile, int interval, String lastDocument, long earliestPollNanos) {
        Session served(String document, long nextPollNanos) {
            return new Session(app, env, profile, interval, document, nextPollNanos);
        }
    }

    /** An error answered the AWS way. */
    private static final class AwsError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String type;

        AwsError(int status, String type, String message) {
            super(message, null, false, false);
            this.status = status;
            this.type = type;
        }

        static AwsError badRequest(String message) {
            return new AwsError(400, "BadRequestException", message);
        }

        byte[] body() {
            ObjectNode body = JSON.createObjectNode().put("__type", type).put("Message", getMessage());
            return body.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
