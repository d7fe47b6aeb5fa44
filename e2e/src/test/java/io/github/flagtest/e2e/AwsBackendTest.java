package io.github.flagtest.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
