package io.github.flagtest.e2e.embedded;

import com.sun.net.httpserver.HttpExchange;
import io.github.flagtest.core.FlagSource;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.e2e.embedded.AppConfigStore.App;
import io.github.flagtest.e2e.embedded.AppConfigStore.Deployment;
import io.github.flagtest.e2e.embedded.AppConfigStore.Env;
import io.github.flagtest.e2e.embedded.AppConfigStore.Hosted;
import io.github.flagtest.e2e.embedded.AppConfigStore.Profile;
import io.github.flagtest.e2e.embedded.AppConfigStore.Strategy;
import io.github.flagtest.e2e.embedded.AwsHttp.AwsError;
import io.github.flagtest.e2e.embedded.model.ModelRequest;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.node.ArrayNode;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The AppConfig control plane (applications, environments, configuration profiles, hosted
 * versions, deployment strategies including AWS's predefined ones, deployments), driven by the
 * operation AWS's model finds for each request, with its input already checked against the model;
 * and the flag source of the data plane and the agent path. Deployments complete at once. Lists
 * page as the model defines ({@code MaxResults} 1-50, an opaque {@code NextToken}).
 */
final class EmbeddedAppConfig implements FlagSource {

    private final AppConfigStore store = new AppConfigStore();

    boolean isEmpty() {
        return store.isEmpty();
    }

    AppConfigStore store() {
        return store;
    }

    void handle(HttpExchange exchange, ModelRequest request) throws IOException {
        JsonNode in = request.input();
        synchronized (store) {
            switch (request.operation()) {
                case "CreateApplication" -> {
                    App app = store.createApp(
                            in.path("Name").asText(), in.path("Description").asText(null));
                    AwsHttp.json(exchange, 201, application(app));
                }
                case "GetApplication" -> AwsHttp.json(exchange, 200, application(store.app(id(in, "ApplicationId"))));
                case "ListApplications" ->
                    AwsHttp.json(exchange, 200, page(in, store.apps(), EmbeddedAppConfig::application));
                case "DeleteApplication" -> {
                    store.deleteApp(store.app(id(in, "ApplicationId")));
                    AwsHttp.empty(exchange, 204);
                }
                case "CreateEnvironment" -> {
                    App app = store.app(id(in, "ApplicationId"));
                    Env env = store.createEnv(
                            app,
                            in.path("Name").asText(),
                            in.path("Description").asText(null));
                    AwsHttp.json(exchange, 201, environment(app, env));
                }
                case "GetEnvironment" -> {
                    App app = store.app(id(in, "ApplicationId"));
                    AwsHttp.json(exchange, 200, environment(app, store.env(app, id(in, "EnvironmentId"))));
                }
                case "ListEnvironments" -> {
                    App app = store.app(id(in, "ApplicationId"));
                    AwsHttp.json(exchange, 200, page(in, app.envs.values(), env -> environment(app, env)));
                }
                case "DeleteEnvironment" -> {
                    App app = store.app(id(in, "ApplicationId"));
                    app.envs.remove(store.env(app, id(in, "EnvironmentId")).id());
                    AwsHttp.empty(exchange, 204);
                }
                case "CreateConfigurationProfile" -> {
                    App app = store.app(id(in, "ApplicationId"));
                    Profile profile = store.createProfile(
                            app,
                            in.path("Name").asText(),
                            in.path("LocationUri").asText(),
                            in.path("Type").asText(AppConfigStore.FREEFORM),
                            in.path("Description").asText(null));
                    AwsHttp.json(exchange, 201, profile(app, profile));
                }
                case "GetConfigurationProfile" -> {
                    App app = store.app(id(in, "ApplicationId"));
                    AwsHttp.json(exchange, 200, profile(app, store.profile(app, id(in, "ConfigurationProfileId"))));
                }
                case "ListConfigurationProfiles" -> {
                    App app = store.app(id(in, "ApplicationId"));
                    String type = in.path("Type").asText(null);
                    List<Profile> profiles = app.profiles.values().stream()
                            .filter(p -> type == null || p.type().equals(type))
                            .toList();
                    AwsHttp.json(exchange, 200, page(in, profiles, p -> profile(app, p)));
                }
                case "DeleteConfigurationProfile" -> {
                    App app = store.app(id(in, "ApplicationId"));
                    app.profiles.remove(
                            store.profile(app, id(in, "ConfigurationProfileId")).id());
                    AwsHttp.empty(exchange, 204);
                }
                case "CreateHostedConfigurationVersion" -> createHosted(exchange, in);
                case "GetHostedConfigurationVersion" -> {
                    App app = store.app(id(in, "ApplicationId"));
                    Profile profile = store.profile(app, id(in, "ConfigurationProfileId"));
                    sendHosted(
                            exchange,
                            200,
                            app,
                            profile,
                            store.hosted(profile, in.path("VersionNumber").asInt()));
                }
                case "ListHostedConfigurationVersions" -> {
                    App app = store.app(id(in, "ApplicationId"));
                    Profile profile = store.profile(app, id(in, "ConfigurationProfileId"));
                    String label = in.path("VersionLabel").asText(null);
                    List<Hosted> versions = newestFirst(profile.versions().values()).stream()
                            .filter(h -> label == null || label.equals(h.versionLabel()))
                            .toList();
                    AwsHttp.json(exchange, 200, page(in, versions, h -> hostedSummary(app, profile, h)));
                }
                case "DeleteHostedConfigurationVersion" -> {
                    App app = store.app(id(in, "ApplicationId"));
                    Profile profile = store.profile(app, id(in, "ConfigurationProfileId"));
                    Hosted hosted =
                            store.hosted(profile, in.path("VersionNumber").asInt());
                    profile.versions().remove(hosted.number());
                    AwsHttp.empty(exchange, 204);
                }
                case "CreateDeploymentStrategy" -> {
                    Strategy strategy = store.createStrategy(
                            in.path("Name").asText(),
                            in.path("DeploymentDurationInMinutes").asInt(),
                            in.path("FinalBakeTimeInMinutes").asInt(0),
                            (float) in.path("GrowthFactor").asDouble(),
                            in.path("GrowthType").asText("LINEAR"),
                            in.path("ReplicateTo").asText("NONE"));
                    AwsHttp.json(exchange, 201, strategy(strategy));
                }
                case "GetDeploymentStrategy" ->
                    AwsHttp.json(
                            exchange,
                            200,
                            strategy(store.strategy(
                                    in.path("DeploymentStrategyId").asText())));
                case "ListDeploymentStrategies" ->
                    AwsHttp.json(exchange, 200, page(in, store.strategies(), EmbeddedAppConfig::strategy));
                case "DeleteDeploymentStrategy" -> {
                    store.deleteStrategy(in.path("DeploymentStrategyId").asText());
                    AwsHttp.empty(exchange, 204);
                }
                case "StartDeployment" -> {
                    App app = store.app(id(in, "ApplicationId"));
                    Env env = store.env(app, id(in, "EnvironmentId"));
                    Strategy strategy =
                            store.strategy(in.path("DeploymentStrategyId").asText());
                    Profile profile =
                            store.profile(app, in.path("ConfigurationProfileId").asText());
                    Deployment deployment = store.deploy(
                            env,
                            profile,
                            strategy,
                            in.path("ConfigurationVersion").asText(),
                            in.path("Description").asText(null));
                    AwsHttp.json(exchange, 201, deployment(app, env, deployment));
                }
                case "GetDeployment" -> {
                    App app = store.app(id(in, "ApplicationId"));
                    Env env = store.env(app, id(in, "EnvironmentId"));
                    AwsHttp.json(
                            exchange,
                            200,
                            deployment(
                                    app,
                                    env,
                                    store.deployment(
                                            env, in.path("DeploymentNumber").asInt())));
                }
                case "ListDeployments" -> {
                    App app = store.app(id(in, "ApplicationId"));
                    Env env = store.env(app, id(in, "EnvironmentId"));
                    AwsHttp.json(
                            exchange,
                            200,
                            page(in, newestFirst(env.deployments().values()), EmbeddedAppConfig::deploymentSummary));
                }
                default ->
                    throw AwsError.badRequest(
                            "UnsupportedOperationException",
                            "flagtest's embedded AppConfig does not support " + request.operation());
            }
        }
    }

    private void createHosted(HttpExchange exchange, JsonNode in) throws IOException {
        App app = store.app(id(in, "ApplicationId"));
        Profile profile = store.profile(app, id(in, "ConfigurationProfileId"));
        byte[] content = exchange.getRequestBody().readAllBytes();
        if (in.has("LatestVersionNumber") && in.path("LatestVersionNumber").asInt() != profile.latest()) {
            throw new AwsError(
                    409,
                    "ConflictException",
                    "Latest-Version-Number " + in.path("LatestVersionNumber").asInt()
                            + " is not the latest version of configuration profile " + profile.id() + " ("
                            + profile.latest() + ")");
        }
        Hosted hosted = store.addVersion(
                profile,
                content,
                in.path("ContentType").asText(),
                in.path("VersionLabel").asText(null),
                in.path("Description").asText(null));
        sendHosted(exchange, 201, app, profile, hosted);
    }

    private static void sendHosted(HttpExchange exchange, int status, App app, Profile profile, Hosted hosted)
            throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Application-Id", app.id);
        headers.put("Configuration-Profile-Id", profile.id());
        headers.put("Version-Number", Integer.toString(hosted.number()));
        headers.put("Content-Type", hosted.contentType());
        if (hosted.versionLabel() != null) {
            headers.put("VersionLabel", hosted.versionLabel());
        }
        if (hosted.description() != null) {
            headers.put("Description", hosted.description());
        }
        AwsHttp.send(exchange, status, hosted.content(), headers);
    }

    /** The {@code NextToken} page of {@code items} (model: {@code MaxResults} 1-50, default 50). */
    private static <T> ObjectNode page(JsonNode in, Collection<T> items, Function<T, ObjectNode> render) {
        int size = in.path("MaxResults").asInt(50);
        int from = 0;
        if (in.hasNonNull("NextToken")) {
            try {
                from = Integer.parseInt(new String(
                        java.util.Base64.getUrlDecoder()
                                .decode(in.path("NextToken").asText()),
                        StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw AwsError.badRequest("BadRequestException", "The NextToken is not valid");
            }
        }
        List<T> all = new ArrayList<>(items);
        ObjectNode body = AwsHttp.JSON.createObjectNode();
        ArrayNode array = body.putArray("Items");
        for (int i = from; i < Math.min(all.size(), from + size); i++) {
            array.add(render.apply(all.get(i)));
        }
        if (from + size < all.size()) {
            body.put(
                    "NextToken",
                    java.util.Base64.getUrlEncoder()
                            .encodeToString(Integer.toString(from + size).getBytes(StandardCharsets.UTF_8)));
        }
        return body;
    }

    private static <T> List<T> newestFirst(Collection<T> items) {
        List<T> list = new ArrayList<>(items);
        java.util.Collections.reverse(list);
        return list;
    }

    private static String id(JsonNode in, String member) {
        return in.path(member).asText();
    }

    private static ObjectNode application(App app) {
        ObjectNode body = AwsHttp.JSON.createObjectNode().put("Id", app.id).put("Name", app.name);
        return app.description == null ? body : body.put("Description", app.description);
    }

    private static ObjectNode environment(App app, Env env) {
        ObjectNode body = AwsHttp.JSON
                .createObjectNode()
                .put("ApplicationId", app.id)
                .put("Id", env.id())
                .put("Name", env.name())
                .put("State", "READY_FOR_DEPLOYMENT"); // deployments complete at once
        body.putArray("Monitors");
        return env.description() == null ? body : body.put("Description", env.description());
    }

    private static ObjectNode profile(App app, Profile profile) {
        ObjectNode body = AwsHttp.JSON
                .createObjectNode()
                .put("ApplicationId", app.id)
                .put("Id", profile.id())
                .put("Name", profile.name())
                .put("LocationUri", profile.locationUri())
                .put("Type", profile.type());
        return profile.description() == null ? body : body.put("Description", profile.description());
    }

    private static ObjectNode hostedSummary(App app, Profile profile, Hosted hosted) {
        ObjectNode body = AwsHttp.JSON
                .createObjectNode()
                .put("ApplicationId", app.id)
                .put("ConfigurationProfileId", profile.id())
                .put("VersionNumber", hosted.number())
                .put("ContentType", hosted.contentType());
        if (hosted.versionLabel() != null) {
            body.put("VersionLabel", hosted.versionLabel());
        }
        return hosted.description() == null ? body : body.put("Description", hosted.description());
    }

    private static ObjectNode strategy(Strategy strategy) {
        return AwsHttp.JSON
                .createObjectNode()
                .put("Id", strategy.id())
                .put("Name", strategy.name())
                .put("DeploymentDurationInMinutes", strategy.durationMinutes())
                .put("GrowthType", strategy.growthType())
                .put("GrowthFactor", strategy.growthFactor())
                .put("FinalBakeTimeInMinutes", strategy.bakeMinutes())
                .put("ReplicateTo", strategy.replicateTo());
    }

    private static ObjectNode deployment(App app, Env env, Deployment deployment) {
        ObjectNode body = deploymentSummary(deployment)
                .put("ApplicationId", app.id)
                .put("EnvironmentId", env.id())
                .put("DeploymentStrategyId", deployment.strategy().id())
                .put("ConfigurationProfileId", deployment.profile().id())
                .put("ConfigurationLocationUri", deployment.profile().locationUri());
        body.putArray("EventLog");
        return deployment.description() == null ? body : body.put("Description", deployment.description());
    }

    private static ObjectNode deploymentSummary(Deployment deployment) {
        Strategy strategy = deployment.strategy();
        ObjectNode body = AwsHttp.JSON
                .createObjectNode()
                .put("DeploymentNumber", deployment.number())
                .put("ConfigurationName", deployment.profile().name())
                .put(
                        "ConfigurationVersion",
                        Integer.toString(deployment.version().number()))
                .put("DeploymentDurationInMinutes", strategy.durationMinutes())
                .put("GrowthType", strategy.growthType())
                .put("GrowthFactor", strategy.growthFactor())
                .put("FinalBakeTimeInMinutes", strategy.bakeMinutes())
                .put("State", "COMPLETE")
                .put("PercentageComplete", 100.0)
                .put("StartedAt", deployment.startedAt().toString()) // Iso8601DateTime: timestampFormat iso8601
                .put("CompletedAt", deployment.startedAt().toString());
        if (deployment.version().versionLabel() != null) {
            body.put("VersionLabel", deployment.version().versionLabel());
        }
        return body;
    }

    @Override
    public Optional<FlagState> state(String app, String env, String profile) {
        synchronized (store) {
            return store.deployed(app, env, profile).flatMap(Hosted::state);
        }
    }

    /** The hosted version deployed to {@code app}/{@code env}/{@code profile} (IDs or names), of any profile type. */
    Optional<Hosted> deployed(String app, String env, String profile) {
        synchronized (store) {
            return store.deployed(app, env, profile);
        }
    }

    @Override
    public void sessionStarted(String app, String env, String profile, int pollIntervalSeconds) {
        synchronized (store) {
            store.find(app).ifPresent(a -> a.pollInterval = pollIntervalSeconds);
        }
    }

    /** How often the latest session on {@code application} (ID or name) may poll, if one started. */
    Optional<java.time.Duration> pollInterval(String application) {
        synchronized (store) {
            return store.find(application)
                    .flatMap(a -> Optional.ofNullable(a.pollInterval))
                    .map(java.time.Duration::ofSeconds);
        }
    }

    @Override
    public String toString() {
        return "no such deployed feature-flag profile in the embedded AppConfig";
    }
}
