package io.github.flagtest.e2e.harness;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appconfig.AppConfigClient;
import software.amazon.awssdk.services.appconfig.model.DeletionProtectionCheck;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag;

/**
 * Deletes what {@code @LambdaE2E} runs on {@code aws} left behind (a JVM killed mid-run never
 * cleans up): every resource tagged {@code flagtest:run} whose {@code flagtest:created} is older than
 * the given hours, in the default region and credentials. Functions and log groups first, then
 * AppConfig's strategies, profiles, environments and applications, then SSM parameters.
 *
 * <pre>{@code
 * mvn -q org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.flagtest.e2e.harness.Sweep -Dexec.args="6"          # older than 6 hours
 * mvn ... -Dexec.args="6 --dry-run"                                           # only list them
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Sweep {

    private Sweep() {}

    /**
     * Sweeps resources older than {@code args[0]} hours; {@code --dry-run} lists them only.
     *
     * @param args the age in hours, then optionally {@code --dry-run}
     */
    public static void main(String[] args) {
        if (args.length == 0 || !args[0].matches("\\d+")) {
            System.err.println("usage: Sweep <older-than-hours> [--dry-run]");
            System.exit(2);
        }
        Duration olderThan = Duration.ofHours(Long.parseLong(args[0]));
        boolean dryRun = List.of(args).contains("--dry-run");
        Region region = Backends.awsRegion();
        try (ResourceGroupsTaggingApiClient tagging =
                        ResourceGroupsTaggingApiClient.builder().region(region).build();
                Cleaner cleaner = new Cleaner(region)) {
            List<ResourceTagMapping> tagged = new ArrayList<>();
            tagging.getResourcesPaginator(r -> r.tagFilters(f -> f.key(Deployer.RUN_TAG)))
                    .resourceTagMappingList()
                    .forEach(tagged::add);
            List<String> doomed = plan(tagged, Instant.now(), olderThan);
            System.out.println("flagtest sweep: " + doomed.size() + " of " + tagged.size() + " resources tagged "
                    + Deployer.RUN_TAG + " are older than " + olderThan.toHours() + " h"
                    + (dryRun ? " (dry run)" : ""));
            for (String arn : doomed) {
                System.out.println("  " + arn);
                if (!dryRun) {
                    cleaner.delete(arn);
                }
            }
        }
    }

    /** The ARNs to delete, in an order AWS accepts (children before parents); resources without an age are kept. */
    static List<String> plan(List<ResourceTagMapping> tagged, Instant now, Duration olderThan) {
        return tagged.stream()
                .filter(resource -> created(resource.tags())
                        .map(created -> created.isBefore(now.minus(olderThan)))
                        .orElse(false))
                .map(ResourceTagMapping::resourceARN)
                .sorted(Comparator.comparingInt(Sweep::rank).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private static Optional<Instant> created(List<Tag> tags) {
        return tags.stream()
                .filter(tag -> tag.key().equals(Deployer.CREATED_TAG))
                .findFirst()
                .flatMap(tag -> {
                    try {
                        return Optional.of(Instant.parse(tag.value()));
                    } catch (DateTimeParseException e) {
                        return Optional.empty();
                    }
                });
    }

    /** Functions and logs, deployment strategies, profiles, environments, applications, parameters. */
    static int rank(String arn) {
        if (arn.contains(":function:") || arn.contains(":log-group:")) {
            return 0;
        }
        if (arn.contains(":deploymentstrategy/")) {
            return 1;
        }
        if (arn.contains("/configurationprofile/")) {
            return 2;
        }
        if (arn.contains("/environment/")) {
            return 3;
        }
        if (arn.contains(":application/")) {
            return 4;
        }
        return 5;
    }

    /** Deletes one tagged resource by its ARN, with the deployer's clients for the account. */
    private static final class Cleaner implements AutoCloseable {
        private final AwsClients aws;

        Cleaner(Region region) {
            this.aws = AwsClients.create(new ClientSettings(
                    Optional.empty(),
                    region,
                    DefaultCredentialsProvider.builder().build()));
        }

        void delete(String arn) {
            String[] parts = arn.split(":", 6);
            String service = parts[2];
            String resource = parts[5];
            switch (service) {
                case "lambda" -> aws.lambda().deleteFunction(r -> r.functionName(arn));
                case "logs" ->
                    aws.logs()
                            .deleteLogGroup(r -> r.logGroupName(
                                    resource.substring("log-group:".length()).replaceAll(":\\*$", "")));
                case "ssm" -> aws.ssm().deleteParameter(r -> r.name(resource.substring("parameter".length())));
                case "appconfig" -> deleteAppConfig(resource.split("/"));
                default -> System.err.println("flagtest sweep: cannot delete " + arn + ": delete it by hand");
            }
        }

        private void deleteAppConfig(String[] path) {
            AppConfigClient appConfig = aws.appConfig();
            Map<String, String> ids = new java.util.HashMap<>();
            for (int i = 0; i + 1 < path.length; i += 2) {
                ids.put(path[i], path[i + 1]);
            }
            String app = ids.get("application");
            if (ids.containsKey("deploymentstrategy")) {
                appConfig.deleteDeploymentStrategy(r -> r.deploymentStrategyId(ids.get("deploymentstrategy")));
            } else if (ids.containsKey("configurationprofile")) {
                String profile = ids.get("configurationprofile");
                // hosted versions carry no tags of their own, and a profile with versions cannot be deleted
                appConfig
                        .listHostedConfigurationVersionsPaginator(
                                r -> r.applicationId(app).configurationProfileId(profile))
                        .items()
                        .forEach(version -> appConfig.deleteHostedConfigurationVersion(r -> r.applicationId(app)
                                .configurationProfileId(profile)
                                .versionNumber(version.versionNumber())));
                appConfig.deleteConfigurationProfile(r -> r.applicationId(app)
                        .configurationProfileId(profile)
                        .deletionProtectionCheck(DeletionProtectionCheck.BYPASS));
            } else if (ids.containsKey("environment")) {
                appConfig.deleteEnvironment(r -> r.applicationId(app)
                        .environmentId(ids.get("environment"))
                        .deletionProtectionCheck(DeletionProtectionCheck.BYPASS));
            } else if (app != null) {
                appConfig.deleteApplication(r -> r.applicationId(app));
            }
        }

        @Override
        public void close() {
            aws.close();
        }
    }
}
