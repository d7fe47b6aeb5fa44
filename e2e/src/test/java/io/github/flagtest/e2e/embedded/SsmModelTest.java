package io.github.flagtest.e2e.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.SsmException;

// Sources: AWS's SSM model (models/ssm.json: PutParameterRequest, ParameterType, ParameterTier) and
// https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html
// (a value takes 4 KB in the Standard tier, 8 KB in the Advanced one)
@DisplayName("embedded SSM Parameter Store follows AWS's SSM model")
class SsmModelTest {

    private EmbeddedAws aws;
    private SsmClient ssm;

    @BeforeEach
    void start() throws Exception {
        aws = new EmbeddedAws(AppCds.off());
        ssm = SignedClients.signedFor(aws, SsmClient.builder()).build();
    }

    @AfterEach
    void stop() {
        try (EmbeddedAws closing = aws;
                SsmClient client = ssm) {
            // closed also when a test failed
        }
    }

    private static String validation(Runnable call) {
        try {
            call.run();
        } catch (SsmException e) {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            return e.awsErrorDetails().errorMessage();
        }
        throw new AssertionError("expected a ValidationException");
    }

    @Test
    @DisplayName("a Standard value past 4,096 characters is a ValidationException; Advanced takes 8,192")
    void valueSize() {
        assertThat(validation(() -> ssm.putParameter(
                        r -> r.name("/big").value("x".repeat(5_000)).type("String"))))
                .contains("Member must have length less than or equal to 4096")
                .doesNotContain("xxxx"); // the value is sensitive: AWS leaves it out
        ssm.putParameter(r -> r.name("/big").value("x".repeat(4_096)).type("String"));
        ssm.putParameter(
                r -> r.name("/advanced").value("x".repeat(5_000)).type("String").tier(ParameterTier.ADVANCED));
        assertThat(validation(() -> ssm.putParameter(r -> r.name("/advanced2")
                        .value("x".repeat(8_193))
                        .type("String")
                        .tier(ParameterTier.ADVANCED))))
                .contains("8192");
    }

    @Test
    @DisplayName("GetParameter answers the Type PutParameter got (String, StringList, SecureString)")
    void type() {
        ssm.putParameter(r -> r.name("/list").value("a,b").type(ParameterType.STRING_LIST));
        ssm.putParameter(r -> r.name("/secret").value("s3cr3t").type(ParameterType.SECURE_STRING));
        assertThat(ssm.getParameter(r -> r.name("/list")).parameter().type()).isEqualTo(ParameterType.STRING_LIST);
        assertThat(ssm.getParameter(r -> r.name("/secret").withDecryption(true))
                        .parameter()
                        .type())
                .isEqualTo(ParameterType.SECURE_STRING);
    }

    @Test
    @DisplayName("the model's constraints: Name required and at most 2048 characters, Type and Tier enums")
    void constraints() {
        assertThat(validation(() -> ssm.getParameter(r -> r.name("/" + "n".repeat(2048)))))
                .contains("at 'name' failed to satisfy constraint: Member must have length less than or equal to 2048");
        assertThat(validation(
                        () -> ssm.putParameter(r -> r.name("/x").value("v").type("Text"))))
                .contains("at 'type' failed to satisfy constraint: Member must satisfy enum value set: [String,"
                        + " StringList, SecureString]");
        assertThat(validation(() -> ssm.putParameter(r -> r.name("/x").type("String"))))
                .contains("Value null at 'value' failed to satisfy constraint: Member must not be null");
        assertThatThrownBy(() -> ssm.putParameter(r -> r.name("/x").value("v").tier("Gold")))
                .isInstanceOf(SsmException.class)
                .hasMessageContaining("at 'tier'");
    }
}
