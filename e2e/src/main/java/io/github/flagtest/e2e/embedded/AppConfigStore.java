package io.github.flagtest.e2e.embedded;

import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.core.FlagTestException;
import io.github.flagtest.e2e.embedded.AwsHttp.AwsError;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.node.ArrayNode;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the embedded AppConfig holds, guarded by this object's monitor: applications with their
 * environments, profiles, hosted versions (the bytes as uploaded, with content type and label) and
 * deployments, and the deployment strategies, AWS's predefined ones included. Lookups of a missing
 * resource throw AWS's {@code ResourceNotFoundException} (with {@code ResourceName}).
 */
final class AppConfigStore {

    static final String FREEFORM = "AWS.Freeform";

    /**
     * AWS's predefined deployment strategies.
     * Source: https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-creating-deployment-strategy-predefined.html
     */
    static final List<Strategy> PREDEFINED = List.of(
            new Strategy(
                    "AppConfig.Linear20PercentEvery6Minutes",
                    "AppConfig.Linear20PercentEvery6Minutes",
                    30,
                    30,
                    20f,
                    "LINEAR",
                    "NONE"),
            new Strategy(
                    "AppConfig.Canary10Percent20Minutes",
                    "AppConfig.Canary10Percent20Minutes",
                    20,
                    10,
                    10f,
                    "EXPONENTIAL",
                    "NONE"),
            new Strategy("AppConfig.AllAtOnce", "AppConfig.AllAtOnce", 0, 10, 100f, "LINEAR", "NONE"),
            new Strategy(
                    "AppConfig.Linear50PercentEvery30Seconds",
                    "AppConfig.Linear50PercentEvery30Seconds",
                    1,
                    1,
                    50f,
                    "LINEAR",
                    "NONE"));

    private static final AtomicInteger IDS = new AtomicInteger();

    static final class App {
        final String id;
        final String name;
        final String description;
        final Map<String, Env> envs = new LinkedHashMap<>();
        final Map<String, Profile> profiles = new LinkedHashMap<>();
        /** The poll interval of the latest AppConfig Data session on this application. */
        Integer pollInterval;

        App(String id, String name, String description) {
            this.id = id;
            this.name = name;
            this.description = description;
        }
    }

    record Env(
            String id,
            String name,
            String description,
            Map<String, Integer> deployed,
            TreeMap<Integer, Deployment> deployments) {}

    record Profile(
            String id,
            String name,
            String locationUri,
            String type,
            String description,
            TreeMap<Integer, Hosted> versions,
            AtomicInteger numbers) {
        int latest() {
            return versions.isEmpty() ? 0 : versions.lastKey();
        }
    }

    /** A hosted configuration version; {@code state} is the flags of a feature-flag profile's version. */
    record Hosted(
            int number,
            byte[] content,
            String contentType,
            String versionLabel,
            String description,
            Optional<FlagState> state) {}

    record Strategy(
            String id,
            String name,
            int durationMinutes,
            int bakeMinutes,
            float growthFactor,
            String growthType,
            String replicateTo) {}

    record Deployment(
            int number, Profile profile, Hosted version, Strategy strategy, String description, Instant startedAt) {}

    private final Map<String, App> apps = new LinkedHashMap<>();
    private final Map<String, Strategy> strategies = new LinkedHashMap<>();

    boolean isEmpty() {
        return apps.isEmpty() && strategies.isEmpty();
    }

    Collection<App> apps() {
        return apps.values();
    }

    App createApp(String name, String description) {
        App app = new App(newId(), name, description);
        apps.put(app.id, app);
        return app;
    }

    App app(String id) {
        return existing(apps, id, "Application");
    }

    void deleteApp(App app) {
        apps.remove(app.id);
    }

    Optional<App> find(String idOrName) {
        return apps.values().stream()
                .filter(a -> a.id.equals(idOrName) || a.name.equals(idOrName))
                .findFirst();
    }

    Env createEnv(App app, String name, String description) {
        Env env = new Env(newId(), name, description, new LinkedHashMap<>(), new TreeMap<>());
        app.envs.put(env.id(), env);
        return env;
    }

    Env env(App app, String id) {
        return existing(app.envs, id, "Environment");
    }

    Profile createProfile(App app, String name, String locationUri, String type, String description) {
        Profile profile =
                new Profile(newId(), name, locationUri, type, description, new TreeMap<>(), new AtomicInteger());
        app.profiles.put(profile.id(), profile);
        return profile;
    }

    Profile profile(App app, String id) {
        return existing(app.profiles, id, "ConfigurationProfile");
    }

    /**
     * Stores {@code content} byte for byte. A feature-flag profile's content must pass AWS's schema
     * and rules first ({@code BadRequestException}, {@code Reason} {@code InvalidConfiguration},
     * one {@code Details.InvalidConfiguration} entry per problem, as the model's shapes have them).
     */
    Hosted addVersion(Profile profile, byte[] content, String contentType, String label, String description) {
        Optional<FlagState> state = Optional.empty();
        if (profile.type().equals(FeatureFlagSchema.TYPE)) {
            String text = new String(content, StandardCharsets.UTF_8);
            List<String> problems = FeatureFlagSchema.problems(text);
            if (!problems.isEmpty()) {
                throw invalidConfiguration(problems);
            }
            state = Optional.of(flags(text, profile.name()));
        }
        Hosted hosted = new Hosted(
                profile.numbers().incrementAndGet(), content.clone(), contentType, label, description, state);
        profile.versions().put(hosted.number(), hosted);
        return hosted;
    }

    Hosted hosted(Profile profile, int number) {
        return existing(profile.versions(), number, "HostedConfigurationVersion");
    }

    Collection<Strategy> strategies() {
        List<Strategy> all = new ArrayList<>(PREDEFINED);
        all.addAll(strategies.values());
        return all;
    }

    Strategy createStrategy(String name, int duration, int bake, float growth, String growthType, String replicateTo) {
        Strategy strategy = new Strategy(newId(), name, duration, bake, growth, growthType, replicateTo);
        strategies.put(strategy.id(), strategy);
        return strategy;
    }

    Strategy strategy(String id) {
        Strategy strategy = strategies.get(id);
        if (strategy == null) {
            strategy = PREDEFINED.stream()
                    .filter(s -> s.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> notFound("DeploymentStrategy", id));
        }
        return strategy;
    }

    void deleteStrategy(String id) {
        if (strategies.remove(id) == null) {
            throw notFound("DeploymentStrategy", id);
        }
    }

    Deployment deploy(Env env, Profile profile, Strategy strategy, String version, String description) {
        Hosted hosted;
        try {
            hosted = profile.versions().get(Integer.parseInt(version));
        } catch (NumberFormatException e) {
            hosted = null;
        }
        if (hosted == null) {
            throw AwsError.badRequest("BadRequestException", "Configuration version " + version + " does not exist");
        }
        int number = env.deployments().isEmpty() ? 1 : env.deployments().lastKey() + 1;
        Deployment deployment = new Deployment(number, profile, hosted, strategy, description, Instant.now());
        env.deployments().put(number, deployment);
        env.deployed().put(profile.id(), hosted.number());
        return deployment;
    }

    Deployment deployment(Env env, int number) {
        return existing(env.deployments(), number, "Deployment");
    }

    /** The item stored under {@code key}, else AWS's ResourceNotFoundException naming {@code kind}. */
    private static <K, V> V existing(Map<K, V> items, K key, String kind) {
        V item = items.get(key);
        if (item == null) {
            throw notFound(kind, String.valueOf(key));
        }
        return item;
    }

    /** What is deployed to {@code app}/{@code env}/{@code profile}, each an ID or a name. */
    Optional<Hosted> deployed(String app, String env, String profile) {
        return find(app)
                .flatMap(a -> a.envs.values().stream()
                        .filter(e -> e.id().equals(env) || e.name().equals(env))
                        .findFirst()
                        .flatMap(e -> a.profiles.values().stream()
                                .filter(p -> p.id().equals(profile) || p.name().equals(profile))
                                .findFirst()
                                .flatMap(p -> Optional.ofNullable(e.deployed().get(p.id()))
                                        .flatMap(number ->
                                                Optional.ofNullable(p.versions().get(number))))));
    }

    /**
     * The flags of a document AWS accepted. A flag value without {@code enabled} (the schema allows
     * it; AWS serves it as disabled) is read as {@code "enabled": false}; the stored bytes stay as sent.
     */
    private static FlagState flags(String text, String source) {
        try {
            JsonNode document = AwsHttp.JSON.readTree(text);
            JsonNode values = document.path("values");
            if (values.isObject()) {
                values.fields().forEachRemaining(value -> {
                    if (value.getValue().isObject() && !value.getValue().has("enabled")) {
                        ((ObjectNode) value.getValue()).put("enabled", false);
                    }
                });
            }
            return FlagCatalog.parse(document.toString(), source).defaults();
        } catch (IOException | FlagTestException e) {
            throw AwsError.badRequest("BadRequestException", "Invalid feature flag document: " + e.getMessage());
        }
    }

    private static AwsError invalidConfiguration(List<String> problems) {
        ArrayNode details = AwsHttp.JSON.createArrayNode();
        for (String problem : problems) {
            int colon = problem.indexOf(": ");
            details.addObject()
                    .put("Location", colon < 0 ? "$" : problem.substring(0, colon))
                    .put("Reason", colon < 0 ? problem : problem.substring(colon + 2))
                    .put("Type", "Schema");
        }
        ObjectNode detail = AwsHttp.JSON.createObjectNode();
        detail.set("InvalidConfiguration", details);
        return AwsError.badRequest(
                        "BadRequestException",
                        "The content does not match the " + FeatureFlagSchema.TYPE + " schema: "
                                + String.join("; ", problems))
                .with("Reason", "InvalidConfiguration")
                .with("Details", detail);
    }

    private static AwsError notFound(String type, String id) {
        return AwsError.notFound(type + " " + id + " not found").with("ResourceName", id);
    }

    private static String newId() {
        return Integer.toString(0x100000 + IDS.incrementAndGet(), 36);
    }
}
