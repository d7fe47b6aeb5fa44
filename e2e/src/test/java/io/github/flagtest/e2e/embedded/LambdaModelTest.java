package io.github.flagtest.e2e.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

// Source of every constraint: AWS's Lambda model (models/lambda.json), CreateFunctionRequest and
// GetFunctionRequest; https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("embedded Lambda checks requests against AWS's Lambda model")
class LambdaModelTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/flagtest";

    private EmbeddedAws aws;
    private LambdaClient lambda;

    @BeforeAll
    void start() throws Exception {
        aws = new EmbeddedAws(AppCds.off());
        lambda = SignedClients.signedFor(aws, LambdaClient.builder()).build();
        create(r -> r.functionName("orders"));
    }

    @AfterAll
    void stop() {
        try (EmbeddedAws closing = aws) {
            if (lambda != null) {
                lambda.close();
            }
        }
    }

    private void create(Consumer<CreateFunctionRequest.Builder> change) {
        lambda.createFunction(r -> {
            r.functionName("f-" + System.nanoTime())
                    .runtime("java17")
                    .role(ROLE)
                    .handler("example.Handler::handleRequest")
                    .code(c ->
                            c.zipFile(SdkBytes.fromByteArray(EmbeddedAws.code(System.getProperty("java.class.path")))));
            change.accept(r);
        });
    }

    private static String validation(Runnable call) {
        try {
            call.run();
        } catch (LambdaException e) {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            return e.awsErrorDetails().errorMessage();
        }
        throw new AssertionError("expected a ValidationException");
    }

    @Nested
    @DisplayName("finds a function by every FunctionName form of the model's NamespacedFunctionName")
    class Identifiers {

        // NamespacedFunctionName: name, partial ARN, full ARN, each with an optional :qualifier
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "orders",
                    "orders:$LATEST",
                    "000000000000:function:orders",
                    "000000000000:function:orders:$LATEST",
                    "arn:aws:lambda:us-east-1:000000000000:function:orders",
                    "arn:aws:lambda:us-east-1:000000000000:function:orders:$LATEST"
                })
        @DisplayName("GetFunction and GetFunctionConfiguration")
        void forms(String identifier) {
            assertThat(lambda.getFunction(r -> r.functionName(identifier))
                            .configuration()
                            .functionName())
                    .isEqualTo("orders");
            assertThat(lambda.getFunctionConfiguration(r -> r.functionName(identifier))
                            .functionName())
                    .isEqualTo("orders");
        }

        @Test
        @DisplayName("the Qualifier parameter $LATEST (GetFunctionRequest.Qualifier)")
        void qualifierParameter() {
            assertThat(lambda.getFunction(r -> r.functionName("orders").qualifier("$LATEST"))
                            .configuration()
                            .functionName())
                    .isEqualTo("orders");
        }

        // API_PublishVersion; CreateFunctionRequest.Publish; NamespacedFunctionName's :qualifier
        @Test
        @DisplayName(
                "a published version by name:N, ARN:N and Qualifier N; X-Amz-Executed-Version; deleting one version")
        void versions() {
            String name = "billing";
            assertThat(lambda.createFunction(r -> r.functionName(name)
                                    .runtime("java17")
                                    .role(ROLE)
                                    .handler("example.Handler::handleRequest")
                                    .publish(true)
                                    .code(c -> c.zipFile(SdkBytes.fromByteArray(
                                            EmbeddedAws.code(System.getProperty("java.class.path"))))))
                            .version())
                    .isEqualTo("1");
            assertThat(lambda.publishVersion(r -> r.functionName(name)).version())
                    .isEqualTo("2");
            var two = lambda.getFunctionConfiguration(r -> r.functionName(name + ":2"));
            assertThat(two.version()).isEqualTo("2");
            assertThat(two.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:billing:2");
            assertThat(lambda.getFunction(r -> r.functionName("arn:aws:lambda:us-east-1:000000000000:function:billing")
                                    .qualifier("1"))
                            .configuration()
                            .version())
                    .isEqualTo("1");
            assertThat(lambda.getFunction(r -> r.functionName(name))
                            .configuration()
                            .version())
                    .isEqualTo("$LATEST");
            assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName(name + ":3")))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() ->
                            lambda.getFunction(r -> r.functionName(name + ":1").qualifier("2")))
                    .isInstanceOf(software.amazon.awssdk.services.lambda.model.InvalidParameterValueException.class)
                    .hasMessageContaining("The derived qualifier from the function name does not match");
            lambda.deleteFunction(r -> r.functionName(name).qualifier("1"));
            assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName(name + ":1")))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(lambda.getFunction(r -> r.functionName(name + ":2"))
                            .configuration()
                            .version())
                    .isEqualTo("2");
        }

        @Test
        @DisplayName("another account, region, an unpublished version or a missing name is ResourceNotFoundException")
        void notFound() {
            for (String identifier : new String[] {
                "arn:aws:lambda:us-east-1:111122223333:function:orders",
                "arn:aws:lambda:eu-west-1:000000000000:function:orders",
                "orders:7",
                "missing"
            }) {
                assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName(identifier)))
                        .as(identifier)
                        .isInstanceOf(ResourceNotFoundException.class);
            }
        }

        @Test
        @DisplayName("a name the pattern refuses is a ValidationException naming functionName")
        void malformed() {
            assertThat(validation(() -> lambda.getFunction(r -> r.functionName("has space"))))
                    .contains(
                            "at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern");
        }
    }

    @Nested
    @DisplayName("CreateFunction refuses what the model refuses, with AWS's message")
    class Refused {

        @Test
        @DisplayName("MemorySize 64 and 32769 (MemorySize: min 128, max 32768)")
        void memory() {
            assertThat(validation(() -> create(r -> r.memorySize(64))))
                    .isEqualTo("1 validation error detected: Value '64' at 'memorySize' failed to satisfy constraint:"
                            + " Member must have value greater than or equal to 128");
            assertThat(validation(() -> create(r -> r.memorySize(32769))))
                    .contains("Member must have value less than or equal to 32768");
            create(r -> r.memorySize(128));
        }

        @Test
        @DisplayName("Timeout 0 (Timeout: min 1)")
        void timeout() {
            assertThat(validation(() -> create(r -> r.timeout(0))))
                    .contains("Value '0' at 'timeout' failed to satisfy constraint: Member must have value greater"
                            + " than or equal to 1");
        }

        @Test
        @DisplayName("a name with spaces, and one of 141 characters (FunctionName: pattern, max 140)")
        void name() {
            assertThat(validation(() -> create(r -> r.functionName("my function"))))
                    .contains("Value 'my function' at 'functionName' failed to satisfy constraint: Member must satisfy"
                            + " regular expression pattern");
            assertThat(validation(() -> create(r -> r.functionName("f".repeat(141)))))
                    .contains("Member must have length less than or equal to 140");
        }

        @Test
        @DisplayName(
                "no Role, and a Role that is not an IAM role ARN (CreateFunctionRequest.required, RoleArn pattern)")
        void role() {
            assertThat(validation(() -> create(r -> r.role(null))))
                    .isEqualTo("1 validation error detected: Value null at 'role' failed to satisfy constraint: Member"
                            + " must not be null");
            assertThat(validation(() -> create(r -> r.role("flagtest")))).contains("at 'role'");
        }

        @Test
        @DisplayName("an unknown runtime (Runtime enum) and a description of 257 characters (Description max 256)")
        void enumAndLength() {
            assertThat(validation(() -> create(r -> r.runtime("java99"))))
                    .contains("at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [");
            assertThat(validation(() -> create(r -> r.description("d".repeat(257)))))
                    .contains("Member must have length less than or equal to 256");
        }

        @Test
        @DisplayName("an environment variable key 1-BAD (EnvironmentVariableName pattern), value left out (sensitive)")
        void environmentKey() {
            assertThat(validation(() -> create(r -> r.environment(e -> e.variables(java.util.Map.of("1-BAD", "x"))))))
                    .contains("Value at 'environment.variables' failed to satisfy constraint: Map keys must satisfy"
                            + " constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]")
                    .doesNotContain("1-BAD");
        }

        @Test
        @DisplayName("several violations at once: AWS counts them and joins them with '; '")
        void several() {
            assertThat(validation(() -> create(r -> r.memorySize(64).timeout(0))))
                    .startsWith("2 validation errors detected: ")
                    .contains("equal to 1; Value '64' at 'memorySize'")
                    .doesNotContain("; ;");
        }
    }

    @Nested
    @DisplayName("layers: any ARN the model's LayerVersionArn takes")
    class Layers {

        @Test
        @DisplayName("AWS's Arm64 AppConfig extension and any other layer are accepted")
        void accepted() {
            create(r -> r.layers("arn:aws:lambda:eu-west-1:434848589818:layer:AWS-AppConfig-Extension-Arm64:207"));
            create(r -> r.layers("arn:aws:lambda:us-east-1:123456789012:layer:my-utils:3"));
        }

        @Test
        @DisplayName("only AWS's AppConfig extension layers (x86_64 and Arm64) start the embedded agent")
        void agent() {
            assertThat(AgentExtension.isLayer(
                            "arn:aws:lambda:us-east-1:027255383542:layer:AWS-AppConfig-Extension:207"))
                    .isTrue();
            assertThat(AgentExtension.isLayer(
                            "arn:aws:lambda:eu-west-1:434848589818:layer:AWS-AppConfig-Extension-Arm64:207"))
                    .isTrue();
            assertThat(AgentExtension.isLayer("arn:aws:lambda:us-east-1:123456789012:layer:my-utils:3"))
                    .isFalse();
        }

        @Test
        @DisplayName("a layer that is not a layer version ARN is a ValidationException at layers.1.member")
        void malformed() {
            assertThat(validation(() -> create(r -> r.layers("AWS-AppConfig-Extension"))))
                    .contains("Value 'AWS-AppConfig-Extension' at 'layers.1.member' failed to satisfy constraint:"
                            + " Member must satisfy regular expression pattern");
        }
    }
}
