package io.github.flagtest.e2e;

import io.github.flagtest.core.FlagState;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.appconfig.AppConfigClient;
import software.amazon.awssdk.services.appconfig.model.DeploymentState;
import software.amazon.awssdk.services.appconfig.model.GrowthType;
import software.amazon.awssdk.services.appconfig.model.ReplicateTo;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Creates a function's flag store: AppConfig (application, environment, feature-flag profile,
 * zero-bake strategy, hosted versions and deployments) where the backend has it, otherwise an SSM
 * parameter holding the retrieval form, and says so.
 */
final class FlagStores {

    static final String ENVIRONMENT = "e2e";
    static final String PROFILE = "flags";

    /** Error codes with which emulators answer an AppConfig they do not have (or do not license). */
    static final Set<String> UNSUPPORTED_CODES = Set.of(
            "InternalFailure",
            "NotImplemented",
            "UnknownOperationException",
            "UnrecognizedClientException",
            "AccessDeniedException",
            "InvalidAction");

    private FlagStores() {}

    /** A store, the environment that tells the function where it is, and how to delete it (pushed onto cleanup). */
    record Created(StoreBase store, Map<String, String> functionEnvironment) {}

    static Created create(
            AwsClients aws,
            boolean tryAppConfig,
            String prefix,
            Map<String, String> tags,
            FlagState initial,
            Deque<Runnable> cleanup,
            System.Logger log) {
        if (tryAppConfig) {
            try {
                return appConfig(aws.appConfig(), prefix, tags, initial, cleanup);
            } catch (AwsServiceException e) {
                if (!isUnsupported(e)) {
                    throw e;
                }
                log.log(
                        System.Logger.Level.WARNING,
                        "flagtest e2e: this backend has no AppConfig ("
                                + e.awsErrorDetails().errorCode() + "); flags are stored in the SSM parameter /"
                                + prefix.replace('-', '/') + "/flags instead");
            }
        }
        return ssm(aws.ssm(), prefix, initial, cleanup);
    }

    static boolean isUnsupported(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() == 501 || (code != null && UNSUPPORTED_CODES.contains(code));
    }

    private static Created appConfig(
            AppConfigClient client,
            String prefix,
            Map<String, String> tags,
            FlagState initial,
            Deque<Runnable> cleanup) {
        String appId = client.createApplication(r -> r.name(prefix).tags(tags)).id();
        cleanup.push(() -> client.deleteApplication(r -> r.applicationId(appId)));
        String envId = client.createEnvironment(
                        r -> r.applicationId(appId).name(ENVIRONMENT).tags(tags))
                .id();
        cleanup.push(() -> client.deleteEnvironment(r -> r.applicationId(appId).environmentId(envId)));
        String profileId = client.createConfigurationProfile(r -> r.applicationId(appId)
                        .name(PROFILE)
                        .locationUri("hosted")
                        .type("AWS.AppConfig.FeatureFlags")
                        .tags(tags))
                .id();
        cleanup.push(() ->
                client.deleteConfigurationProfile(r -> r.applicationId(appId).configurationProfileId(profileId)));
        String strategyId = client.createDeploymentStrategy(r -> r.name(prefix)
                        .deploymentDurationInMinutes(0)
                        .finalBakeTimeInMinutes(0)
                        .growthFactor(100f)
                        .growthType(GrowthType.LINEAR)
                        .replicateTo(ReplicateTo.NONE)
                        .tags(tags))
                .id();
        cleanup.push(() -> client.deleteDeploymentStrategy(r -> r.deploymentStrategyId(strategyId)));
        AppConfigStore store = new AppConfigStore(client, appId, envId, profileId, strategyId, cleanup);
        store.write(initial);
        return new Created(
                store,
                Map.of(
                        "FLAGTEST_APPCONFIG_APPLICATION", prefix,
                        "FLAGTEST_APPCONFIG_ENVIRONMENT", ENVIRONMENT,
                        "FLAGTEST_APPCONFIG_PROFILE", PROFILE));
    }

    private static Created ssm(SsmClient client, String prefix, FlagState initial, Deque<Runnable> cleanup) {
        String parameter = "/" + prefix.replace('-', '/') + "/flags";
        SsmStore store = new SsmStore(client, parameter);
        store.write(initial);
        cleanup.push(() -> client.deleteParameter(r -> r.name(parameter)));
        return new Created(store, Map.of("FLAGTEST_SSM_PARAMETER", parameter));
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
        private final AppConfigClient client;
        private final String appId;
        private final String envId;
        private final String profileId;
        private final String strategyId;
        private final Deque<Runnable> cleanup;

        AppConfigStore(
                AppConfigClient client,
                String appId,
                String envId,
                String profileId,
                String strategyId,
                Deque<Runnable> cleanup) {
            this.client = client;
            this.appId = appId;
            this.envId = envId;
            this.profileId = profileId;
            this.strategyId = strategyId;
            this.cleanup = cleanup;
        }

        @Override
        void put(FlagState state) {
            int version = client.createHostedConfigurationVersion(r -> r.applicationId(appId)
                            .configurationProfileId(profileId)
                            .contentType("application/json")
                            .content(SdkBytes.fromUtf8String(StoredDocument.stored(state))))
                    .versionNumber();
            synchronized (cleanup) {
                // versions go before their profile: pushed after it, so deleted before it
                cleanup.push(() -> client.deleteHostedConfigurationVersion(r ->
                        r.applicationId(appId).configurationProfileId(profileId).versionNumber(version)));
            }
            int deployment = client.startDeployment(r -> r.applicationId(appId)
                            .environmentId(envId)
                            .configurationProfileId(profileId)
                            .configurationVersion(Integer.toString(version))
                            .deploymentStrategyId(strategyId))
                    .deploymentNumber();
            long deadline = System.nanoTime() + DEPLOYMENT_TIMEOUT.toNanos();
            DeploymentState status;
            do {
                status = client.getDeployment(
                                r -> r.applicationId(appId).environmentId(envId).deploymentNumber(deployment))
                        .state();
            } while (status != DeploymentState.COMPLETE
                    && status != DeploymentState.ROLLED_BACK
                    && System.nanoTime() < deadline
                    && pause());
            if (status != DeploymentState.COMPLETE) {
                throw new IllegalStateException("AppConfig deployment " + deployment + " ended " + status
                        + " instead of COMPLETE within " + DEPLOYMENT_TIMEOUT);
            }
        }

        private static boolean pause() {
            try {
                Thread.sleep(200); // polling a remote deployment; there is nothing to wait on
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Each change: the retrieval form written to one SSM parameter. */
    static final class SsmStore extends StoreBase {
        private final SsmClient client;
        private final String parameter;

        SsmStore(SsmClient client, String parameter) {
            this.client = client;
            this.parameter = parameter;
        }

        @Override
        void put(FlagState state) {
            client.putParameter(r -> r.name(parameter)
                    .type(ParameterType.STRING)
                    .overwrite(true)
                    .value(StoredDocument.retrieval(state)));
        }
    }
}
