package io.github.flagtest.e2e.harness;

import io.github.flagtest.core.AppConfigEndpoint;
import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.e2e.FlagLocation;
import io.github.flagtest.e2e.FlagStore;
import java.time.Duration;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.appconfig.AppConfigClient;
import software.amazon.awssdk.services.appconfig.model.DeletionProtectionCheck;
import software.amazon.awssdk.services.appconfig.model.DeploymentState;
import software.amazon.awssdk.services.appconfig.model.GrowthType;
import software.amazon.awssdk.services.appconfig.model.ReplicateTo;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * Creates a function's flag store, the one {@code flagtest.e2e.flagStore} names: AppConfig
 * (application, environment, feature-flag profile, zero-bake strategy, hosted versions and
 * deployments; the default), an SSM parameter holding the retrieval form, or the function's own
 * environment variables. Never another one than asked for: a backend without AppConfig stops the
 * class with the alternatives.
 */
final class FlagStores {

    static final String SETTING = "flagtest.e2e.flagStore";
    static final String ENV_PREFIX_SETTING = "flagtest.e2e.envPrefix";
    static final String APPCONFIG = "appconfig";
    static final String SSM = "ssm";
    static final String ENV = "env";
    static final String DEFAULT_ENV_PREFIX = "FEATURE_";
    static final String ENVIRONMENT = "e2e";
    static final String PROFILE = "flags";

    /** Error codes with which emulators answer an AppConfig they do not have (or do not license). */
    static final Set<String> UNSUPPORTED_CODES =
            Set.of("InternalFailure", "NotImplemented", "UnknownOperationException", "InvalidAction");

    private FlagStores() {}

    /** A store and where it is; deleting it was pushed onto the deployer's cleanup. */
    record Created(StoreBase store, FlagLocation location) {}

    /** The store {@code setting} names ({@code appconfig} when absent). */
    static String kind(Optional<String> setting) {
        String value = setting.map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse(APPCONFIG);
        if (!Set.of(APPCONFIG, SSM, ENV).contains(value)) {
            throw new ExtensionConfigurationException(SETTING + "=" + setting.orElse("")
                    + " is not a flag store; use appconfig (the default), ssm or env");
        }
        return value;
    }

    static Created create(
            AwsClients aws,
            String kind,
            Backend backend,
            String prefix,
            String envPrefix,
            Map<String, String> tags,
            FlagCatalog document,
            FlagState initial,
            Deque<Runnable> cleanup) {
        return switch (kind) {
            case SSM -> ssm(aws.ssm(), backend.name(), prefix, tags, initial, cleanup);
            case ENV -> new Created(new EnvStore(envPrefix, initial), envLocation(envPrefix));
            default -> {
                if (!backend.appConfig()) {
                    throw noAppConfig(backend, "");
                }
                try {
                    yield appConfig(aws.appConfig(), backend.name(), prefix, tags, document, initial, cleanup);
                } catch (AwsServiceException e) {
                    if (isUnsupported(e)) {
                        throw noAppConfig(
                                backend, " (it answered " + e.awsErrorDetails().errorCode() + ")");
                    }
                    throw e;
                }
            }
        };
    }

    static FlagLocation appConfigLocation(
            String application,
            String environment,
            String profile,
            String applicationId,
            String environmentId,
            String profileId) {
        return new FlagLocation(
                APPCONFIG, application, environment, profile, applicationId, environmentId, profileId, "");
    }

    static FlagLocation ssmLocation(String parameter) {
        return new FlagLocation(SSM, "", "", "", "", "", "", parameter);
    }

    static FlagLocation envLocation(String prefix) {
        return new FlagLocation(ENV, "", "", "", "", "", "", prefix);
    }

    static boolean isUnsupported(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() == 501 || (code != null && UNSUPPORTED_CODES.contains(code));
    }

    private static ExtensionConfigurationException noAppConfig(Backend backend, String answer) {
        return new ExtensionConfigurationException("flagtest e2e: the " + backend.name() + " backend has no AppConfig"
                + answer
                + (backend.name().equals("localstack")
                        ? " (LocalStack's community image; AppConfig is in its paid image, used when LOCALSTACK_AUTH_TOKEN is set)"
                        : "")
                + ", and flagtest does not store the flags elsewhere unasked. Choose -D" + Backends.BACKEND
                + "=embedded (AppConfig included), or -D" + SETTING + "=ssm (an SSM parameter, named in the"
                + " function's FLAGTEST_SSM_PARAMETER) or -D" + SETTING + "=env (environment variables such as "
                + DEFAULT_ENV_PREFIX + "LOYALTY_POINTS=true) if the function reads its flags that way");
    }

    private static Created appConfig(
            AppConfigClient client,
            String backend,
            String prefix,
            Map<String, String> tags,
            FlagCatalog document,
            FlagState initial,
            Deque<Runnable> cleanup) {
        String appId = AwsCalls.call(
                backend,
                "appconfig:CreateApplication",
                () -> client.createApplication(r -> r.name(prefix).tags(tags)).id());
        cleanup.push(() -> client.deleteApplication(r -> r.applicationId(appId)));
        String envId = AwsCalls.call(
                backend,
                "appconfig:CreateEnvironment",
                () -> client.createEnvironment(
                                r -> r.applicationId(appId).name(ENVIRONMENT).tags(tags))
                        .id());
        // deletion protection (an account may turn it on) would keep a freshly used environment or profile
        cleanup.push(() -> client.deleteEnvironment(r ->
                r.applicationId(appId).environmentId(envId).deletionProtectionCheck(DeletionProtectionCheck.BYPASS)));
        String profileId = AwsCalls.call(
                backend,
                "appconfig:CreateConfigurationProfile",
                () -> client.createConfigurationProfile(r -> r.applicationId(appId)
                                .name(PROFILE)
                                .locationUri("hosted")
                                .type("AWS.AppConfig.FeatureFlags")
                                .tags(tags))
                        .id());
        cleanup.push(() -> client.deleteConfigurationProfile(r -> r.applicationId(appId)
                .configurationProfileId(profileId)
                .deletionProtectionCheck(DeletionProtectionCheck.BYPASS)));
        String strategyId = AwsCalls.call(
                backend,
                "appconfig:CreateDeploymentStrategy",
                () -> client.createDeploymentStrategy(r -> r.name(prefix)
                                .deploymentDurationInMinutes(0)
                                .finalBakeTimeInMinutes(0)
                                .growthFactor(100f)
                                .growthType(GrowthType.LINEAR)
                                .replicateTo(ReplicateTo.NONE)
                                .tags(tags))
                        .id());
        cleanup.push(() -> client.deleteDeploymentStrategy(r -> r.deploymentStrategyId(strategyId)));
        AppConfigStore store =
                new AppConfigStore(client, backend, document, appId, envId, profileId, strategyId, cleanup);
        store.write(initial);
        return new Created(store, appConfigLocation(prefix, ENVIRONMENT, PROFILE, appId, envId, profileId));
    }

    private static Created ssm(
            SsmClient client,
            String backend,
            String prefix,
            Map<String, String> tags,
            FlagState initial,
            Deque<Runnable> cleanup) {
        String parameter = "/" + prefix.replace('-', '/') + "/flags";
        // SSM takes tags only when a parameter is created, not on an overwrite
        client.putParameter(r -> r.name(parameter)
                .type(ParameterType.STRING)
                .value(AppConfigEndpoint.retrievalDocument(initial))
                .tags(tags.entrySet().stream()
                        .map(tag -> Tag.builder()
                                .key(tag.getKey())
                                .value(tag.getValue())
                                .build())
                        .toList()));
        cleanup.push(() -> client.deleteParameter(r -> r.name(parameter)));
        SsmStore store = new SsmStore(client, backend, parameter);
        store.remember(initial);
        return new Created(store, ssmLocation(parameter));
    }

    /** The common part of both stores: the current state and when it last changed. */
    abstract static class StoreBase implements FlagStore {
        private volatile FlagState current = FlagState.empty();
        private volatile long changedAtNanos = System.nanoTime();

        abstract void put(FlagState state);

        /** Writes {@code state}; a kill-switch drill measures time-to-visible from the start of the write. */
        final synchronized void write(FlagState state) {
            long start = System.nanoTime();
            put(state);
            current = state;
            changedAtNanos = start;
        }

        /** Takes {@code state} as what the store already holds (written when the store was created). */
        final synchronized void remember(FlagState state) {
            current = state;
        }

        /** What the function's environment gets from this store: nothing, except for the env store. */
        Map<String, String> functionEnvironment() {
            return Map.of();
        }

        long changedAtNanos() {
            return changedAtNanos;
        }

        @Override
        public void enable(String flag) {
            set(flag, true);
        }

        @Override
        public void disable(String flag) {
            set(flag, false);
        }

        @Override
        public synchronized void set(String flag, Object value) {
            write(current.with(flag, value));
        }

        @Override
        public FlagState current() {
            return current;
        }
    }

    /** Each change: a new hosted version, deployed with the zero-bake strategy, awaited to COMPLETE. */
    static final class AppConfigStore extends StoreBase {
        private static final Duration DEPLOYMENT_TIMEOUT = Duration.ofMinutes(2);
        private static final Set<DeploymentState> TERMINAL_FAILURES =
                Set.of(DeploymentState.ROLLED_BACK, DeploymentState.REVERTED);
        private final AppConfigClient client;
        private final String backend;
        private final FlagCatalog document;
        private final String appId;
        private final String envId;
        private final String profileId;
        private final String strategyId;
        private final Deque<Runnable> cleanup;

        AppConfigStore(
                AppConfigClient client,
                String backend,
                FlagCatalog document,
                String appId,
                String envId,
                String profileId,
                String strategyId,
                Deque<Runnable> cleanup) {
            this.client = client;
            this.backend = backend;
            this.document = document;
            this.appId = appId;
            this.envId = envId;
            this.profileId = profileId;
            this.strategyId = strategyId;
            this.cleanup = cleanup;
        }

        @Override
        void put(FlagState state) {
            int version = AwsCalls.call(
                    backend,
                    "appconfig:CreateHostedConfigurationVersion",
                    () -> client.createHostedConfigurationVersion(r -> r.applicationId(appId)
                                    .configurationProfileId(profileId)
                                    .contentType("application/json")
                                    .content(SdkBytes.fromUtf8String(document.storedDocument(state))))
                            .versionNumber());
            synchronized (cleanup) {
                // versions go before their profile: pushed after it, so deleted before it
                cleanup.push(() -> client.deleteHostedConfigurationVersion(r ->
                        r.applicationId(appId).configurationProfileId(profileId).versionNumber(version)));
            }
            int deployment = AwsCalls.call(
                    backend,
                    "appconfig:StartDeployment",
                    () -> client.startDeployment(r -> r.applicationId(appId)
                                    .environmentId(envId)
                                    .configurationProfileId(profileId)
                                    .configurationVersion(Integer.toString(version))
                                    .deploymentStrategyId(strategyId))
                            .deploymentNumber());
            awaitDeployment(deployment);
        }

        /**
         * Polls GetDeployment with the drill's backoff (50 ms doubling to 2 s) until a terminal
         * state: COMPLETE, or ROLLED_BACK / REVERTED, which fail the write with AWS's state.
         */
        private void awaitDeployment(int deployment) {
            long deadline = System.nanoTime() + DEPLOYMENT_TIMEOUT.toNanos();
            Backoff backoff = new Backoff();
            while (true) {
                DeploymentState status = AwsCalls.call(
                        backend,
                        "appconfig:GetDeployment",
                        () -> client.getDeployment(r -> r.applicationId(appId)
                                        .environmentId(envId)
                                        .deploymentNumber(deployment))
                                .state());
                if (status == DeploymentState.COMPLETE) {
                    return;
                }
                if (TERMINAL_FAILURES.contains(status)) {
                    throw new IllegalStateException(
                            "AppConfig deployment " + deployment + " ended " + status + " instead of COMPLETE");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !backoff.pause(Duration.ofNanos(left))) {
                    throw new IllegalStateException("AppConfig deployment " + deployment + " is still " + status
                            + " after " + DEPLOYMENT_TIMEOUT);
                }
            }
        }
    }

    /**
     * The flags as the function's environment variables ({@code FEATURE_LOYALTY_POINTS=true}, a
     * variant's name as the value). A change updates the function's configuration, which Lambda
     * answers with a fresh execution environment; the session applies it.
     */
    static final class EnvStore extends StoreBase {
        private final String prefix;
        private volatile java.util.function.Consumer<FlagState> onChange = state -> {};

        EnvStore(String prefix, FlagState initial) {
            this.prefix = prefix;
            variables(initial); // names checked up front
            remember(initial);
        }

        void onChange(java.util.function.Consumer<FlagState> listener) {
            this.onChange = listener;
        }

        @Override
        void put(FlagState state) {
            onChange.accept(state);
        }

        @Override
        Map<String, String> functionEnvironment() {
            return variables(current());
        }

        Map<String, String> variables(FlagState state) {
            Map<String, String> variables = new java.util.TreeMap<>();
            Map<String, String> flagOf = new java.util.HashMap<>();
            state.asMap().forEach((flag, value) -> {
                String name = variable(prefix, flag);
                String other = flagOf.putIfAbsent(name, flag);
                if (other != null) {
                    throw new ExtensionConfigurationException("flagtest e2e: flags '" + other + "' and '" + flag
                            + "' both become the environment variable " + name + " (" + SETTING
                            + "=env); rename one of them");
                }
                variables.put(name, String.valueOf(FlagState.plain(value)));
            });
            return variables;
        }

        /** {@code loyalty-points} -> {@code FEATURE_LOYALTY_POINTS}. */
        static String variable(String prefix, String flag) {
            return prefix + flag.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        }
    }

    /** Each change: the retrieval form written to one SSM parameter. */
    static final class SsmStore extends StoreBase {
        private final SsmClient client;
        private final String backend;
        private final String parameter;

        SsmStore(SsmClient client, String backend, String parameter) {
            this.client = client;
            this.backend = backend;
            this.parameter = parameter;
        }

        @Override
        void put(FlagState state) {
            AwsCalls.run(
                    backend,
                    "ssm:PutParameter",
                    () -> client.putParameter(r -> r.name(parameter)
                            .type(ParameterType.STRING)
                            .overwrite(true)
                            .value(AppConfigEndpoint.retrievalDocument(state))));
        }
    }
}
