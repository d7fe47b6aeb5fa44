package io.github.flagtest.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flagtest.e2e.embedded.AppCds;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;

/** The aws backend's behaviour that needs no account: region, permission errors. */
@DisplayName("the aws backend")
class AwsBackendTest {

    @Test
    @DisplayName("takes its region from the SDK's default region chain (here: the aws.region system property)")
    void region() {
        String before = System.getProperty("aws.region");
        System.setProperty("aws.region", "eu-north-1");
        try {
            assertThat(Backends.awsRegion()).isEqualTo(Region.EU_NORTH_1);
        } finally {
            if (before == null) {
                System.clearProperty("aws.region");
            } else {
                System.setProperty("aws.region", before);
            }
        }
    }

    @Test
    @DisplayName("a permission error is fatal and names the IAM action to allow")
    void denied() {
        AwsServiceException denied = AwsServiceException.builder()
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException")
                        .errorMessage(
                                "User: arn:aws:iam::1:user/ci is not authorized to perform: appconfig:CreateApplication")
                        .build())
                .build();

        assertThatThrownBy(() -> AwsCalls.call("aws", "appconfig:CreateApplication", () -> {
                    throw denied;
                }))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining(
                        "the aws backend refused appconfig:CreateApplication (AccessDeniedException: User:")
                .hasMessageContaining("the identity running the tests needs appconfig:CreateApplication")
                .hasCause(denied);
    }

    @Test
    @DisplayName("other errors pass through unchanged")
    void otherErrors() {
        AwsServiceException conflict = AwsServiceException.builder()
                .statusCode(409)
                .awsErrorDetails(
                        AwsErrorDetails.builder().errorCode("ConflictException").build())
                .build();

        assertThatThrownBy(() -> AwsCalls.call("aws", "appconfig:StartDeployment", () -> {
                    throw conflict;
                }))
                .isSameAs(conflict);
    }

    @Test
    @DisplayName("every resource is tagged with the run and its creation time (what a sweep reads)")
    void tags() {
        try (EmbeddedBackend backend = new EmbeddedBackend(AppCds.off());
                Deployer deployer = new Deployer(backend, "run-1")) {
            assertThat(deployer.tags()).containsEntry("flagtest:run", "run-1").containsKey("flagtest:created");
            assertThat(java.time.Instant.parse(deployer.tags().get("flagtest:created")))
                    .isBeforeOrEqualTo(java.time.Instant.now());
        }
    }

    @Test
    @DisplayName("a sweep deletes what is older than the age, children before parents, and keeps what has no age")
    void sweepPlan() {
        java.time.Instant now = java.time.Instant.parse("2026-11-29T12:00:00Z");
        String old = "2026-11-29T02:00:00Z";
        String fresh = "2026-11-29T11:30:00Z";
        String app = "arn:aws:appconfig:eu-west-1:123456789012:application/abc";

        java.util.List<String> plan = Sweep.plan(
                java.util.List.of(
                        tagged(app, old),
                        tagged(app + "/environment/env1", old),
                        tagged(app + "/configurationprofile/prof1", old),
                        tagged("arn:aws:appconfig:eu-west-1:123456789012:deploymentstrategy/str1", old),
                        tagged("arn:aws:lambda:eu-west-1:123456789012:function:flagtest-1-t", old),
                        tagged("arn:aws:ssm:eu-west-1:123456789012:parameter/flagtest/1/t/flags", old),
                        tagged("arn:aws:lambda:eu-west-1:123456789012:function:flagtest-2-t", fresh),
                        software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping.builder()
                                .resourceARN("arn:aws:lambda:eu-west-1:123456789012:function:no-age")
                                .tags(tag("flagtest:run", "x"))
                                .build()),
                now,
                java.time.Duration.ofHours(6));

        assertThat(plan)
                .containsExactly(
                        "arn:aws:lambda:eu-west-1:123456789012:function:flagtest-1-t",
                        "arn:aws:appconfig:eu-west-1:123456789012:deploymentstrategy/str1",
                        app + "/configurationprofile/prof1",
                        app + "/environment/env1",
                        app,
                        "arn:aws:ssm:eu-west-1:123456789012:parameter/flagtest/1/t/flags");
    }

    private static software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping tagged(
            String arn, String created) {
        return software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping.builder()
                .resourceARN(arn)
                .tags(tag("flagtest:run", "r"), tag("flagtest:created", created))
                .build();
    }

    private static software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag tag(String key, String value) {
        return software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag.builder()
                .key(key)
                .value(value)
                .build();
    }

    @Test
    @DisplayName("LocalStack and Floci cannot run AWS's layer; aws needs its ARN for the region")
    void otherBackends() {
        assertThatThrownBy(() -> new FlagStoresTest.StubBackend("floci", "java21")
                        .appConfigExtensionLayer(key -> Optional.empty()))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("the floci backend cannot run AWS's AppConfig Lambda extension");
        RemoteBackend aws = RemoteBackend.aws(software.amazon.awssdk.regions.Region.EU_WEST_1, "arn:aws:iam::1:role/r");
        assertThatThrownBy(() -> aws.appConfigExtensionLayer(key -> Optional.empty()))
                .hasMessageContaining("needs flagtest.e2e.appConfigExtensionLayer")
                .hasMessageContaining("eu-west-1");
        assertThat(aws.appConfigExtensionLayer(
                        key -> Optional.of("arn:aws:lambda:eu-west-1:434848589818:layer:AWS-AppConfig-Extension:69")))
                .endsWith(":69");
    }
}
