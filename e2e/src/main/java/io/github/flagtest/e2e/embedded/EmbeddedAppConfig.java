package io.github.flagtest.e2e.embedded;

import com.sun.net.httpserver.HttpExchange;
import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.core.FlagSource;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.core.FlagTestException;
import io.github.flagtest.e2e.embedded.AwsHttp.AwsError;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The AppConfig control plane that the deployer uses (applications, environments, feature-flag
 * profiles, hosted versions, deployment strategies, deployments), and the flag source of the data
 * plane and agent path. Deployments complete at once.
 */
final class EmbeddedAppConfig implements FlagSource {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Map<String, App> apps = new ConcurrentHashMap<>();
    private final Map<String, String> strategies = new ConcurrentHashMap<>();
    /** The poll interval of the latest AppConfig Data session per application (by ID). */
    private final Map<String, Integer> pollIntervals = new ConcurrentHashMap<>();

    private static final class App {
        final String id;
        final String name;
        final Map<String, Env> envs = new ConcurrentHashMap<>();
        final Map<String, Profile> profiles = new ConcurrentHashMap<>();

        App(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    private record Env(String id, String name, Map<String, Integer> deployed, AtomicInteger deployments) {}

    /** A feature-flag profile; each hosted version is kept as the flag state it was parsed into on upload. */
    private record Profile(String id, String name, String type, List<FlagState> versions) {}

    boolean isEmpty() {
        return apps.isEmpty() && strategies.isEmpty();
    }

    void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String[] p = exchange.getRequestURI().getPath().substring(1).split("/");
        if (p[0].equals("deploymentstrategies") || p[0].equals("deployementstrategies")) {
            strategies(exchange, method, p);
            return;
        }
        if (p.length == 1 && method.equals("POST")) {
            String name = AwsHttp.body(exchange).path("Name").asText("");
            requireName(name);
            App app = new App(newId(), name);
            apps.put(app.id, app);
            AwsHttp.json(
                    exchange,
                    201,
                    AwsHttp.JSON.createObjectNode().put("Id", app.id).put("Name", name));
            return;
        }
        App app = app(p[1]);
        if (p.length == 2) {
            switch (method) {
                case "GET" ->
                    AwsHttp.json(
                            exchange,
                            200,
                            AwsHttp.JSON.createObjectNode().put("Id", app.id).put("Name", app.name));
                case "DELETE" -> {
                    apps.remove(app.id);
                    AwsHttp.empty(exchange, 204);
                }
                default -> throw unsupported(method, exchange);
            }
            return;
        }
        if (p[2].equals("environments")) {
            environments(exchange, method, p, app);
        } else if (p[2].equals("configurationprofiles")) {
            profiles(exchange, method, p, app);
        } else {
            throw unsupported(method, exchange);
        }
    }

    private void environments(HttpExchange exchange, String method, String[] p, App app) throws IOException {
        if (p.length == 3 && method.equals("POST")) {
            String name = AwsHttp.body(exchange).path("Name").asText("");
            requireName(name);
            Env env = new Env(newId(), name, new ConcurrentHashMap<>(), new AtomicInteger());
            app.envs.put(env.id(), env);
            AwsHttp.json(
                    exchange,
                    201,
                    AwsHttp.JSON
                            .createObjectNode()
                            .put("ApplicationId", app.id)
                            .put("Id", env.id())
                            .put("Name", name)
                            .put("State", "ReadyForDeployment"));
            return;
        }
        Env env = Optional.ofNullable(app.envs.get(p[3]))
                .orElseThrow(() -> AwsError.notFound("Environment " + p[3] + " not found in application " + app.id));
        if (p.length == 4 && method.equals("DELETE")) {
            app.envs.remove(env.id());
            AwsHttp.empty(exchange, 204);
        } else if (p.length == 5 && p[4].equals("deployments") && method.equals("POST")) {
            JsonNode request = AwsHttp.body(exchange);
            if (!strategies.containsKey(request.path("DeploymentStrategyId").asText())) {
                throw AwsError.notFound("Deployment strategy "
                        + request.path("DeploymentStrategyId").asText() + " not found");
            }
            Profile profile =
                    profile(app, request.path("ConfigurationProfileId").asText());
            int version = request.path("ConfigurationVersion").asInt(-1);
            if (version < 1 || version > profile.versions().size()) {
                throw AwsError.badRequest(
                        "BadRequestException", "Configuration version " + version + " does not exist");
            }
            env.deployed().put(profile.id(), version);
            int number = env.deployments().incrementAndGet();
            AwsHttp.json(exchange, 201, deployment(app, env, profile, version, number));
        } else if (p.length == 6 && p[4].equals("deployments") && method.equals("GET")) {
            AwsHttp.json(
                    exchange,
                    200,
                    AwsHttp.JSON
                            .createObjectNode()
                            .put("ApplicationId", app.id)
                            .put("EnvironmentId", env.id())
                            .put("DeploymentNumber", Integer.parseInt(p[5]))
                            .put("State", "COMPLETE"));
        } else {
            throw unsupported(method, exchange);
        }
    }

    private void profiles(HttpExchange exchange, String method, String[] p, App app) throws IOException {
        if (p.length == 3 && method.equals("POST")) {
            JsonNode request = AwsHttp.body(exchange);
            String name = request.path("Name").asText("");
            requireName(name);
            String type = request.path("Type").asText("AWS.Freeform");
            Profile profile = new Profile(newId(), name, type, new ArrayList<>());
            app.profiles.put(profile.id(), profile);
            AwsHttp.json(
                    exchange,
                    201,
                    AwsHttp.JSON
                            .createObjectNode()
                            .put("ApplicationId", app.id)
                            .put("Id", profile.id())
                            .put("Name", name)
                            .put("LocationUri", request.path("LocationUri").asText("hosted"))
                            .put("Type", type));
            return;
        }
        Profile profile = profile(app, p[3]);
        if (p.length == 4 && method.equals("DELETE")) {
            app.profiles.remove(profile.id());
            AwsHttp.empty(exchange, 204);
        } else if (p.length == 5 && p[4].equals("hostedconfigurationversions") && method.equals("POST")) {
            byte[] content = exchange.getRequestBody().readAllBytes();
            if (profile.type().equals(FeatureFlagSchema.TYPE)) {
                List<String> problems = FeatureFlagSchema.problems(new String(content, StandardCharsets.UTF_8));
                if (!problems.isEmpty()) {
                    throw AwsError.badRequest(
                            "BadRequestException",
                            "The content does not match the " + FeatureFlagSchema.TYPE + " schema: "
                                    + String.join("; ", problems));
                }
            }
            FlagState state;
            try {
                state = FlagCatalog.parse(new String(content, StandardCharsets.UTF_8), profile.name())
                        .defaults();
            } catch (FlagTestException e) {
                throw AwsError.badRequest("BadRequestException", "Invalid feature flag document: " + e.getMessage());
            }
            int version;
            synchronized (profile.versions()) {
                profile.versions().add(state);
                version = profile.versions().size();
            }
            AwsHttp.send(
                    exchange,
                    201,
                    content,
                    Map.of(
                            "Application-Id",
                            app.id,
                            "Configuration-Profile-Id",
                            profile.id(),
                            "Version-Number",
                            Integer.toString(version),
                            "Content-Type",
                            "application/json"));
        } else if (p.length == 6 && p[4].equals("hostedconfigurationversions") && method.equals("DELETE")) {
            AwsHttp.empty(exchange, 204);
        } else {
            throw unsupported(method, exchange);
        }
    }

    private void strategies(HttpExchange exchange, String method, String[] p) throws IOException {
        if (p.length == 1 && method.equals("POST")) {
            JsonNode request = AwsHttp.body(exchange);
            String id = newId();
            strategies.put(id, request.path("Name").asText());
            AwsHttp.json(exchange, 201, ((ObjectNode) request.deepCopy()).put("Id", id));
        } else if (p.length == 2 && method.equals("DELETE")) {
            if (strategies.remove(p[1]) == null) {
                throw AwsError.notFound("Deployment strategy " + p[1] + " not found");
            }
            AwsHttp.empty(exchange, 204);
        } else {
            throw unsupported(method, exchange);
        }
    }

    @Override
    public Optional<FlagState> state(String app, String env, String profile) {
        return apps.values().stream()
                .filter(a -> a.id.equals(app) || a.name.equals(app))
                .findFirst()
                .flatMap(a -> a.envs.values().stream()
                        .filter(e -> e.id().equals(env) || e.name().equals(env))
                        .findFirst()
                        .flatMap(e -> a.profiles.values().stream()
                                .filter(pr ->
                                        pr.id().equals(profile) || pr.name().equals(profile))
                                .findFirst()
                                .flatMap(pr -> Optional.ofNullable(e.deployed().get(pr.id()))
                                        .map(version -> deployed(pr, version)))));
    }

    private static FlagState deployed(Profile profile, int version) {
        synchronized (profile.versions()) {
            return profile.versions().get(version - 1);
        }
    }

    @Override
    public void sessionStarted(String app, String env, String profile, int pollIntervalSeconds) {
        apps.values().stream()
                .filter(a -> a.id.equals(app) || a.name.equals(app))
                .findFirst()
                .ifPresent(a -> pollIntervals.put(a.id, pollIntervalSeconds));
    }

    /** How often the latest session on {@code application} (ID or name) may poll, if one started. */
    Optional<java.time.Duration> pollInterval(String application) {
        return apps.values().stream()
                .filter(a -> a.id.equals(application) || a.name.equals(application))
                .findFirst()
                .flatMap(a -> Optional.ofNullable(pollIntervals.get(a.id)))
                .map(java.time.Duration::ofSeconds);
    }

    @Override
    public String toString() {
        return "no such deployed feature-flag profile in the embedded AppConfig";
    }

    private ObjectNode deployment(App app, Env env, Profile profile, int version, int number) {
        return AwsHttp.JSON
                .createObjectNode()
                .put("ApplicationId", app.id)
                .put("EnvironmentId", env.id())
                .put("ConfigurationProfileId", profile.id())
                .put("ConfigurationVersion", Integer.toString(version))
                .put("DeploymentNumber", number)
                .put("State", "COMPLETE")
                .put("PercentageComplete", 100.0);
    }

    private App app(String id) {
        return Optional.ofNullable(apps.get(id))
                .orElseThrow(() -> AwsError.notFound("Application " + id + " not found"));
    }

    private static Profile profile(App app, String id) {
        return Optional.ofNullable(app.profiles.get(id))
                .orElseThrow(
                        () -> AwsError.notFound("Configuration profile " + id + " not found in application " + app.id));
    }

    private static void requireName(String name) {
        if (name.isBlank()) {
            throw AwsError.badRequest("BadRequestException", "Name is required");
        }
    }

    private static AwsError unsupported(String method, HttpExchange exchange) {
        return AwsError.badRequest(
                "UnsupportedOperationException",
                "flagtest's embedded AppConfig does not support " + method + " "
                        + exchange.getRequestURI().getPath());
    }

    private static String newId() {
        return Integer.toString(0x100000 + IDS.incrementAndGet(), 36);
    }
}
