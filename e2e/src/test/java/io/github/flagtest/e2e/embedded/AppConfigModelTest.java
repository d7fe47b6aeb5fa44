package io.github.flagtest.e2e.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.appconfig.AppConfigClient;
import software.amazon.awssdk.services.appconfig.model.BadRequestException;
import software.amazon.awssdk.services.appconfig.model.BadRequestReason;
import software.amazon.awssdk.services.appconfig.model.DeploymentState;
import software.amazon.awssdk.services.appconfig.model.EnvironmentState;
import software.amazon.awssdk.services.appconfig.model.ResourceNotFoundException;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;
import software.amazon.awssdk.services.appconfigdata.model.InvalidParameterProblem;

// Source of every constraint and error shape: AWS's AppConfig and AppConfig Data models
// (models/appconfig.json, models/appconfigdata.json); https://docs.aws.amazon.com/appconfig/2019-10-09/APIReference/
@DisplayName("embedded AppConfig follows AWS's AppConfig and AppConfig Data models")
class AppConfigModelTest {

    private static final String FLAGS = "AWS.AppConfig.FeatureFlags";

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private EmbeddedAws aws;
    private AppConfigClient control;
    private AppConfigDataClient data;

    @BeforeEach
    void start() throws Exception {
        aws = new EmbeddedAws(AppCds.off(), nanos::get);
        control = SignedClients.signedFor(aws, AppConfigClient.builder()).build();
        data = SignedClients.signedFor(aws, AppConfigDataClient.builder()).build();
    }

    @AfterEach
    void stop() {
        try (EmbeddedAws closing = aws;
                AppConfigClient c = control;
                AppConfigDataClient d = data) {
            // closed in reverse order, also when a test failed
        }
    }

    private record Ids(String app, String env, String profile) {}

    private Ids profile(String type) {
        String app = control.createApplication(r -> r.name("shop")).id();
        String env = control.createEnvironment(r -> r.applicationId(app).name("prod"))
                .id();
        String profile = control.createConfigurationProfile(r -> r.applicationId(app)
                        .name("config")
                        .locationUri("hosted")
                        .type(type))
                .id();
        return new Ids(app, env, profile);
    }

    private int upload(Ids ids, String content, String contentType, String label) {
        return control.createHostedConfigurationVersion(r -> r.applicationId(ids.app())
                        .configurationProfileId(ids.profile())
                        .content(SdkBytes.fromUtf8String(content))
                        .contentType(contentType)
                        .versionLabel(label))
                .versionNumber();
    }

    private void deploy(Ids ids, int version, String strategy) {
        control.startDeployment(r -> r.applicationId(ids.app())
                .environmentId(ids.env())
                .configurationProfileId(ids.profile())
                .configurationVersion(Integer.toString(version))
                .deploymentStrategyId(strategy));
    }

    private String session(Ids ids) {
        return data.startConfigurationSession(r -> r.applicationIdentifier(ids.app())
                        .environmentIdentifier(ids.env())
                        .configurationProfileIdentifier(ids.profile())
                        .requiredMinimumPollIntervalInSeconds(15))
                .initialConfigurationToken();
    }

    @Nested
    @DisplayName("refuses what the model refuses (BadRequestException)")
    class Refused {

        @Test
        @DisplayName(
                "application and environment names of 65 characters (Name: max 64); profile names past 128 (LongName)")
        void names() {
            assertThatThrownBy(() -> control.createApplication(r -> r.name("a".repeat(65))))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("at 'name' failed to satisfy constraint: Member must have length less than"
                            + " or equal to 64");
            String app = control.createApplication(r -> r.name("a".repeat(64))).id();
            assertThatThrownBy(() ->
                            control.createEnvironment(r -> r.applicationId(app).name("e".repeat(65))))
                    .isInstanceOf(BadRequestException.class);
            control.createConfigurationProfile(
                    r -> r.applicationId(app).name("p".repeat(128)).locationUri("hosted"));
            assertThatThrownBy(() -> control.createConfigurationProfile(
                            r -> r.applicationId(app).name("p".repeat(129)).locationUri("hosted")))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("Member must have length less than or equal to 128");
        }

        @Test
        @DisplayName("a profile without LocationUri (CreateConfigurationProfileRequest.required)")
        void locationUri() {
            String app = control.createApplication(r -> r.name("shop")).id();
            assertThatThrownBy(() -> control.createConfigurationProfile(
                            r -> r.applicationId(app).name("flags")))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining(
                            "Value null at 'locationUri' failed to satisfy constraint: Member must not" + " be null");
        }

        @Test
        @DisplayName(
                "an all-digit VersionLabel (VersionLabel pattern .*[^0-9].*) and MaxResults 51 (MaxResults: max 50)")
        void labelAndPageSize() {
            Ids ids = profile("AWS.Freeform");
            assertThatThrownBy(() -> upload(ids, "{}", "application/json", "123"))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("at 'versionLabel'");
            assertThatThrownBy(() -> control.listApplications(r -> r.maxResults(51)))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("Member must have value less than or equal to 50");
        }

        @Test
        @DisplayName("GetDeployment of a deployment that does not exist is ResourceNotFoundException")
        void missingDeployment() {
            Ids ids = profile(FLAGS);
            assertThatThrownBy(() -> control.getDeployment(r ->
                            r.applicationId(ids.app()).environmentId(ids.env()).deploymentNumber(9)))
                    .isInstanceOf(ResourceNotFoundException.class);
        }

        @Test
        @DisplayName(
                "an application, environment or profile that does not exist is ResourceNotFoundException naming it")
        void missingResources() {
            Ids ids = profile(FLAGS);
            assertThatThrownBy(() -> control.getApplication(r -> r.applicationId("nope1")))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageContaining("Application nope1 not found");
            assertThatThrownBy(() -> control.getEnvironment(
                            r -> r.applicationId(ids.app()).environmentId("nope2")))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageContaining("Environment nope2 not found");
            assertThatThrownBy(() -> control.getConfigurationProfile(
                            r -> r.applicationId(ids.app()).configurationProfileId("nope3")))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageContaining("ConfigurationProfile nope3 not found");
            assertThatThrownBy(() -> control.getDeployment(r ->
                            r.applicationId(ids.app()).environmentId(ids.env()).deploymentNumber(9)))
                    .hasMessageContaining("Deployment 9 not found");
        }

        @Test
        @DisplayName("deleting a hosted version that does not exist is ResourceNotFoundException (404)")
        void missingHostedVersion() {
            Ids ids = profile(FLAGS);
            assertThatThrownBy(() -> control.deleteHostedConfigurationVersion(r -> r.applicationId(ids.app())
                            .configurationProfileId(ids.profile())
                            .versionNumber(3)))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .satisfies(e -> assertThat(((ResourceNotFoundException) e).statusCode())
                            .isEqualTo(404));
        }

        @Test
        @DisplayName(
                "a feature-flag document the schema refuses: Reason InvalidConfiguration, one Details entry per problem")
        void invalidConfiguration() {
            Ids ids = profile(FLAGS);
            assertThatThrownBy(() -> upload(
                            ids,
                            "{\"version\":\"1\",\"flags\":{\"a\":{\"name\":\"a\"}},\"values\":"
                                    + "{\"a\":{\"enabled\":\"yes\"}}}",
                            "application/json",
                            null))
                    .isInstanceOfSatisfying(BadRequestException.class, e -> {
                        assertThat(e.reason()).isEqualTo(BadRequestReason.INVALID_CONFIGURATION);
                        assertThat(e.details().invalidConfiguration())
                                .anySatisfy(
                                        detail -> assertThat(detail.location()).startsWith("$.values.a"));
                    });
        }
    }

    @Nested
    @DisplayName("accepts what AWS accepts")
    class Accepted {

        // https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-creating-deployment-strategy-predefined.html
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "AppConfig.AllAtOnce",
                    "AppConfig.Linear50PercentEvery30Seconds",
                    "AppConfig.Canary10Percent20Minutes",
                    "AppConfig.Linear20PercentEvery6Minutes"
                })
        @DisplayName("StartDeployment with a predefined strategy")
        void predefinedStrategy(String strategy) {
            Ids ids = profile("AWS.Freeform");
            deploy(ids, upload(ids, "x", "text/plain", null), strategy);
            assertThat(control.getDeploymentStrategy(r -> r.deploymentStrategyId(strategy))
                            .name())
                    .isEqualTo(strategy);
            assertThat(control.listDeploymentStrategies(r -> {}).items())
                    .anySatisfy(s -> assertThat(s.id()).isEqualTo(strategy));
        }

        @Test
        @DisplayName("CreateEnvironment answers State READY_FOR_DEPLOYMENT (model: EnvironmentState enum)")
        void environmentState() {
            String app = control.createApplication(r -> r.name("shop")).id();
            assertThat(control.createEnvironment(r -> r.applicationId(app).name("prod"))
                            .state())
                    .isEqualTo(EnvironmentState.READY_FOR_DEPLOYMENT);
        }

        @Test
        @DisplayName("a flag value {} without enabled, as the published AWS.AppConfig.FeatureFlags schema allows")
        void valueWithoutEnabled() {
            Ids ids = profile(FLAGS);
            upload(
                    ids,
                    "{\"version\":\"1\",\"flags\":{\"a\":{\"name\":\"a\"}},\"values\":{\"a\":{}}}",
                    "application/json",
                    null);
        }

        @Test
        @DisplayName(
                "AWS.Freeform content is stored and served byte for byte with its content type (Data API and agent)")
        void freeform() throws Exception {
            Ids ids = profile("AWS.Freeform");
            String yaml = "maxItems: 5\nbanner: \"new\"\n";
            deploy(ids, upload(ids, yaml, "application/x-yaml", null), "AppConfig.AllAtOnce");
            var latest = data.getLatestConfiguration(r -> r.configurationToken(session(ids)));
            assertThat(latest.configuration().asUtf8String()).isEqualTo(yaml);
            assertThat(latest.contentType()).isEqualTo("application/x-yaml");
            assertThat(control.getHostedConfigurationVersion(r -> r.applicationId(ids.app())
                                    .configurationProfileId(ids.profile())
                                    .versionNumber(1))
                            .content()
                            .asUtf8String())
                    .isEqualTo(yaml);
            try (AgentExtension agent = new AgentExtension(aws.appConfig(), java.util.Map.of(), nanos::get)) {
                var response = java.net.http.HttpClient.newHttpClient()
                        .send(
                                java.net.http.HttpRequest.newBuilder(
                                                java.net.URI.create("http://127.0.0.1:" + agent.port()
                                                        + "/applications/shop/environments/prod/configurations/config"))
                                        .build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertThat(response.body()).isEqualTo(yaml);
                assertThat(response.headers().firstValue("Content-Type")).contains("application/x-yaml");
            }
        }
    }

    @Nested
    @DisplayName("answers the read operations, paged as the model defines (MaxResults, NextToken)")
    class Reads {

        @Test
        @DisplayName("ListApplications pages, and GetApplication, GetEnvironment, GetConfigurationProfile answer")
        void applications() {
            for (int i = 0; i < 3; i++) {
                int n = i;
                control.createApplication(r -> r.name("app-" + n));
            }
            var first = control.listApplications(r -> r.maxResults(2));
            assertThat(first.items()).hasSize(2);
            assertThat(first.nextToken()).isNotNull();
            assertThat(control.listApplications(r -> r.maxResults(2).nextToken(first.nextToken()))
                            .items())
                    .hasSize(1);
            assertThat(control.listApplicationsPaginator(r -> r.maxResults(1)).items())
                    .extracting(a -> a.name())
                    .containsExactly("app-0", "app-1", "app-2");
            Ids ids = profile(FLAGS);
            assertThat(control.getApplication(r -> r.applicationId(ids.app())).name())
                    .isEqualTo("shop");
            assertThat(control.getEnvironment(r -> r.applicationId(ids.app()).environmentId(ids.env()))
                            .name())
                    .isEqualTo("prod");
            assertThat(control.getConfigurationProfile(
                                    r -> r.applicationId(ids.app()).configurationProfileId(ids.profile()))
                            .type())
                    .isEqualTo(FLAGS);
            assertThat(control.listEnvironments(r -> r.applicationId(ids.app())).items())
                    .hasSize(1);
            assertThat(control.listConfigurationProfiles(r -> r.applicationId(ids.app()))
                            .items())
                    .extracting(p -> p.locationUri())
                    .containsExactly("hosted");
        }

        @Test
        @DisplayName("hosted versions and deployments: list newest first, get one, with its VersionLabel")
        void versionsAndDeployments() {
            Ids ids = profile("AWS.Freeform");
            upload(ids, "one", "text/plain", "v1.0");
            int second = upload(ids, "two", "text/plain", null);
            deploy(ids, second, "AppConfig.AllAtOnce");
            assertThat(control.listHostedConfigurationVersions(
                                    r -> r.applicationId(ids.app()).configurationProfileId(ids.profile()))
                            .items())
                    .extracting(v -> v.versionNumber(), v -> v.versionLabel())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(2, null),
                            org.assertj.core.groups.Tuple.tuple(1, "v1.0"));
            var one = control.getHostedConfigurationVersion(r -> r.applicationId(ids.app())
                    .configurationProfileId(ids.profile())
                    .versionNumber(1));
            assertThat(one.versionLabel()).isEqualTo("v1.0");
            assertThat(one.contentType()).isEqualTo("text/plain");
            List<software.amazon.awssdk.services.appconfig.model.DeploymentSummary> deployments =
                    control.listDeployments(r -> r.applicationId(ids.app()).environmentId(ids.env()))
                            .items();
            assertThat(deployments)
                    .singleElement()
                    .satisfies(d -> assertThat(d.stateAsString()).isEqualTo("COMPLETE"));
            var deployment = control.getDeployment(
                    r -> r.applicationId(ids.app()).environmentId(ids.env()).deploymentNumber(1));
            assertThat(deployment.state()).isEqualTo(DeploymentState.COMPLETE);
            assertThat(deployment.configurationVersion()).isEqualTo("2");
            assertThat(deployment.startedAt()).isNotNull();
        }
    }

    @Nested
    @DisplayName("AppConfig Data")
    class Data {

        @Test
        @DisplayName("Version-Label is the hosted version's own VersionLabel, absent when it has none")
        void versionLabel() {
            Ids ids = profile(FLAGS);
            String document =
                    "{\"version\":\"1\",\"flags\":{\"a\":{\"name\":\"a\"}},\"values\":{\"a\":{\"enabled\":true}}}";
            deploy(ids, upload(ids, document, "application/json", "release-7"), "AppConfig.AllAtOnce");
            assertThat(data.getLatestConfiguration(r -> r.configurationToken(session(ids)))
                            .versionLabel())
                    .isEqualTo("release-7");
            deploy(ids, upload(ids, document, "application/json", null), "AppConfig.AllAtOnce");
            assertThat(data.getLatestConfiguration(r -> r.configurationToken(session(ids)))
                            .versionLabel())
                    .isNull();
        }

        // Token reuse: the API reference says a token "should only be used once"; spring-cloud-aws#1697
        // (2026) reports AWS answering a reused token with BadRequestException "Token not valid". The 2022
        // remark in powertools-lambda-python#1506 that reuse returns the latest configuration predates it.
        @Test
        @DisplayName("a reused token is BadRequestException 'Token not valid', Reason InvalidParameters")
        void reusedToken() {
            Ids ids = profile(FLAGS);
            deploy(ids, upload(ids, "{\"version\":\"1\"}", "application/json", null), "AppConfig.AllAtOnce");
            String token = session(ids);
            data.getLatestConfiguration(r -> r.configurationToken(token));
            assertThatThrownBy(() -> data.getLatestConfiguration(r -> r.configurationToken(token)))
                    .isInstanceOfSatisfying(
                            software.amazon.awssdk.services.appconfigdata.model.BadRequestException.class, e -> {
                                assertThat(e.awsErrorDetails().errorMessage()).startsWith("Token not valid");
                                assertThat(e.reasonAsString()).isEqualTo("InvalidParameters");
                                assertThat(e.details()
                                                .invalidParameters()
                                                .get("ConfigurationToken")
                                                .problem())
                                        .isEqualTo(InvalidParameterProblem.CORRUPTED);
                            });
        }

        @Test
        @DisplayName(
                "a poll before the interval ran out: Details.InvalidParameters.ConfigurationToken PollIntervalNotSatisfied")
        void tooEarly() {
            Ids ids = profile(FLAGS);
            deploy(ids, upload(ids, "{\"version\":\"1\"}", "application/json", null), "AppConfig.AllAtOnce");
            String next = data.getLatestConfiguration(r -> r.configurationToken(session(ids)))
                    .nextPollConfigurationToken();
            assertThatThrownBy(() -> data.getLatestConfiguration(r -> r.configurationToken(next)))
                    .isInstanceOfSatisfying(
                            software.amazon.awssdk.services.appconfigdata.model.BadRequestException.class,
                            e -> assertThat(e.details()
                                            .invalidParameters()
                                            .get("ConfigurationToken")
                                            .problem())
                                    .isEqualTo(InvalidParameterProblem.POLL_INTERVAL_NOT_SATISFIED));
            nanos.addAndGet(15_000_000_000L);
            assertThat(data.getLatestConfiguration(r -> r.configurationToken(next))
                            .configuration()
                            .asByteArray())
                    .isEmpty(); // unchanged since the last poll
        }

        @Test
        @DisplayName("RequiredMinimumPollIntervalInSeconds 5 (OptionalPollSeconds: min 15) is BadRequestException")
        void pollRange() {
            Ids ids = profile(FLAGS);
            assertThatThrownBy(() -> data.startConfigurationSession(r -> r.applicationIdentifier(ids.app())
                            .environmentIdentifier(ids.env())
                            .configurationProfileIdentifier(ids.profile())
                            .requiredMinimumPollIntervalInSeconds(5)))
                    .isInstanceOfSatisfying(
                            software.amazon.awssdk.services.appconfigdata.model.BadRequestException.class,
                            e -> assertThat(e.awsErrorDetails().errorMessage())
                                    .contains("Member must have value greater than or equal to 15"));
        }
    }
}
