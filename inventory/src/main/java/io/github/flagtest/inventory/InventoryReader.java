package io.github.flagtest.inventory;

import io.github.flagtest.core.FlagTestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.appconfig.AppConfigClient;
import software.amazon.awssdk.services.appconfig.model.Application;
import software.amazon.awssdk.services.appconfig.model.ConfigurationProfileSummary;
import software.amazon.awssdk.services.appconfig.model.DeploymentState;
import software.amazon.awssdk.services.appconfig.model.DeploymentSummary;
import software.amazon.awssdk.services.appconfig.model.Environment;
import software.amazon.awssdk.services.appconfig.model.GetDeploymentResponse;

/**
 * Reads every source in three phases on one bounded pool: (1) clients, account and applications
 * per source; (2) environments and feature flag profiles per application; (3) per environment, the
 * deployment history (ListDeployments, GetDeployment) and the hosted versions it needs, newest
 * first, until each flag's {@code since} is known. A source that fails is reported and skipped in
 * the later phases; the others go on. Only List and Get operations are called.
 */
final class InventoryReader {

    /** AppConfig's profile type of feature flag documents. */
    static final String FEATURE_FLAGS = "AWS.AppConfig.FeatureFlags";

    private final InventoryConfig config;
    private final int threads;

    InventoryReader(InventoryConfig config, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.config = config;
        this.threads = threads;
    }

    /** Every source's result and the deployments read, in the config's source order. */
    record Result(List<SourceResult> sources, List<DeploymentRecord> deployments) {}

    Result read() {
        List<SourceRun> runs = sources();
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "flagtest-inventory-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Step> phase1 = new ArrayList<>();
            runs.forEach(run -> phase1.add(new Step(run, () -> applications(run))));
            run(pool, phase1);
            List<Step> phase2 = new ArrayList<>();
            runs.forEach(run -> List.copyOf(run.applications)
                    .forEach(app -> phase2.add(new Step(run, () -> application(run, app)))));
            run(pool, phase2);
            List<Step> phase3 = new ArrayList<>();
            runs.forEach(run -> List.copyOf(run.apps).forEach(app -> {
                if (!app.profiles().isEmpty()) {
                    app.environments().forEach(env -> phase3.add(new Step(run, () -> environment(run, app, env))));
                }
            }));
            run(pool, phase3);
        } finally {
            pool.shutdownNow();
            runs.forEach(SourceRun::close);
        }
        List<DeploymentRecord> deployments = new ArrayList<>();
        runs.forEach(run -> deployments.addAll(run.deployments.stream()
                .sorted(Comparator.comparing(DeploymentRecord::application)
                        .thenComparing(DeploymentRecord::environment)
                        .thenComparing(DeploymentRecord::profile))
                .toList()));
        return new Result(runs.stream().map(SourceRun::result).toList(), deployments);
    }

    /**
     * The config's sources with each organization source replaced by its member accounts; an
     * organization that cannot be listed stays as one failed source.
     */
    private List<SourceRun> sources() {
        List<SourceRun> runs = new ArrayList<>();
        for (InventoryConfig.Source source : config.sources()) {
            if (source.organization().isEmpty()) {
                runs.add(new SourceRun(source));
                continue;
            }
            try {
                OrganizationAccounts.members(source).forEach(member -> runs.add(new SourceRun(member)));
            } catch (SdkException | IllegalStateException e) {
                SourceRun failed = new SourceRun(source);
                failed.fail(e);
                runs.add(failed);
            }
        }
        return runs;
    }

    /** One unit of work for one source, skipped once the source has failed. */
    private record Step(SourceRun run, Runnable work) {}

    private static void run(ExecutorService pool, List<Step> steps) {
        List<Future<?>> futures = new ArrayList<>();
        for (Step step : steps) {
            futures.add(pool.submit(() -> {
                if (step.run().failed()) {
                    return;
                }
                try {
                    step.work().run();
                } catch (SdkException | FlagTestException | IllegalStateException e) {
                    step.run().fail(e);
                }
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("The inventory was interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("The inventory failed: " + e.getCause(), e.getCause());
            }
        }
    }

    private void applications(SourceRun run) {
        run.clients = new SourceClients(run.source);
        run.account = run.clients.account().orElse(null);
        Set<String> wanted = new HashSet<>(config.applications());
        run.clients.appConfig().listApplicationsPaginator(r -> {}).items().stream()
                .filter(app -> wanted.isEmpty() || wanted.contains(app.name()))
                .forEach(run.applications::add);
    }

    private static void application(SourceRun run, Application app) {
        AppConfigClient client = run.clients.appConfig();
        List<Environment> environments =
                client.listEnvironmentsPaginator(r -> r.applicationId(app.id())).items().stream()
                        .toList();
        List<ConfigurationProfileSummary> profiles =
                client
                        .listConfigurationProfilesPaginator(
                                r -> r.applicationId(app.id()).type(FEATURE_FLAGS))
                        .items()
                        .stream()
                        .filter(p -> FEATURE_FLAGS.equals(p.type()))
                        .toList();
        run.apps.add(new SourceRun.App(app, environments, profiles));
    }

    /** The latest complete deployment of each feature flag profile to {@code env}, with each flag's since. */
    private static void environment(SourceRun run, SourceRun.App app, Environment env) {
        AppConfigClient client = run.clients.appConfig();
        String appId = app.summary().id();
        Set<String> names = new HashSet<>();
        app.profiles().forEach(p -> names.add(p.name()));
        List<DeploymentSummary> complete =
                client.listDeploymentsPaginator(r -> r.applicationId(appId).environmentId(env.id())).items().stream()
                        .filter(d -> d.state() == DeploymentState.COMPLETE && names.contains(d.configurationName()))
                        .sorted(Comparator.comparing(DeploymentSummary::deploymentNumber)
                                .reversed())
                        .toList();
        for (ConfigurationProfileSummary profile : app.profiles()) {
            History history = new History();
            for (DeploymentSummary summary : complete) {
                if (!summary.configurationName().equals(profile.name())) {
                    continue;
                }
                GetDeploymentResponse deployment = client.getDeployment(r ->
                        r.applicationId(appId).environmentId(env.id()).deploymentNumber(summary.deploymentNumber()));
                if (!profile.id().equals(deployment.configurationProfileId())) {
                    continue; // another profile of the same name
                }
                String version = deployment.configurationVersion();
                Map<String, DeployedFlag> flags = run.version(
                        appId + "/" + profile.id() + "/" + version,
                        () -> DeployedFlag.parse(
                                client.getHostedConfigurationVersion(r -> r.applicationId(appId)
                                                .configurationProfileId(profile.id())
                                                .versionNumber(Integer.parseInt(version)))
                                        .content()
                                        .asUtf8String(),
                                run.source.name() + ":" + app.summary().name() + "/" + profile.name() + " version "
                                        + version));
                Instant at = deployment.completedAt() != null ? deployment.completedAt() : deployment.startedAt();
                if (!history.add(version, at, flags)) {
                    break;
                }
            }
            history.latest()
                    .ifPresent(latest -> run.deployments.add(new DeploymentRecord(
                            run.source.name(),
                            app.summary().name(),
                            env.name(),
                            profile.name(),
                            latest.version(),
                            latest.at(),
                            history.flags())));
        }
    }

    /**
     * One profile's deployments to one environment, added newest first: the first is what is
     * deployed, and each flag's since moves back while an earlier deployment had it the same.
     */
    static final class History {

        record Deployed(String version, Instant at, Map<String, DeployedFlag> flags) {}

        private Deployed latest;
        private final Map<String, Instant> since = new LinkedHashMap<>();
        private final Set<String> open = new HashSet<>();

        /** Adds the next older deployment; false once every flag's since is known. */
        boolean add(String version, Instant at, Map<String, DeployedFlag> flags) {
            if (latest == null) {
                latest = new Deployed(version, at, flags);
                flags.keySet().forEach(flag -> since.put(flag, at));
                open.addAll(flags.keySet());
                return !open.isEmpty();
            }
            for (String flag : List.copyOf(open)) {
                if (latest.flags().get(flag).equals(flags.get(flag))) {
                    since.put(flag, at);
                } else {
                    open.remove(flag);
                }
            }
            return !open.isEmpty();
        }

        java.util.Optional<Deployed> latest() {
            return java.util.Optional.ofNullable(latest);
        }

        Map<String, DeploymentRecord.Flag> flags() {
            Map<String, DeploymentRecord.Flag> flags = new LinkedHashMap<>();
            latest.flags().forEach((flag, value) -> flags.put(flag, new DeploymentRecord.Flag(value, since.get(flag))));
            return flags;
        }
    }
}
