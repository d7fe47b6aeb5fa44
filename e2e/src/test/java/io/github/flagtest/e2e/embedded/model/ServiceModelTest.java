package io.github.flagtest.e2e.embedded.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("the shipped AWS service models")
class ServiceModelTest {

    private static final Set<String> NOT_OPERATIONS =
            Set.of("serviceName", "close", "create", "builder", "serviceClientConfiguration", "waiter", "utilities");

    // models/NOTICE.md: the models are the release of the build's SDK (2.40.2)
    @ParameterizedTest
    @CsvSource({
        "lambda, software.amazon.awssdk.services.lambda.LambdaClient",
        "appconfig, software.amazon.awssdk.services.appconfig.AppConfigClient",
        "appconfigdata, software.amazon.awssdk.services.appconfigdata.AppConfigDataClient",
        "ssm, software.amazon.awssdk.services.ssm.SsmClient"
    })
    @DisplayName("have every operation the build's SDK client has")
    void sameOperationsAsTheSdk(String service, String client) throws Exception {
        ServiceModel model = ServiceModel.of(service);
        Set<String> missing = new TreeSet<>();
        for (Method method : Class.forName(client).getMethods()) {
            String name = method.getName();
            if (Modifier.isStatic(method.getModifiers())
                    || NOT_OPERATIONS.contains(name)
                    || name.endsWith("Paginator")
                    || method.getDeclaringClass() != Class.forName(client)) {
                continue;
            }
            String operation = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            if (!model.has(operation)) {
                missing.add(operation);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    @DisplayName("binds path labels, query string, headers and body as the model places them")
    void binding() {
        ModelRequest request = ServiceModel.of("lambda")
                .rest(
                        "POST",
                        "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Aorders/invocations",
                        "Qualifier=%24LATEST",
                        Map.of("X-Amz-Invocation-Type", List.of("Event")),
                        "{}".getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(request.operation()).isEqualTo("Invoke");
        assertThat(request.input().path("FunctionName").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:orders");
        assertThat(request.input().path("Qualifier").asText()).isEqualTo("$LATEST");
        assertThat(request.input().path("InvocationType").asText()).isEqualTo("Event");
        assertThat(request.violations()).isEmpty();
    }

    @Test
    @DisplayName("a header or label that is not of the member's type is a serialization violation")
    void types() {
        ModelRequest request = ServiceModel.of("appconfig")
                .rest("GET", "/applications/abcd/environments/efgh/deployments/first", null, Map.of(), new byte[0])
                .orElseThrow();
        assertThat(request.operation()).isEqualTo("GetDeployment");
        assertThat(request.malformed()).isTrue();
        assertThat(request.message()).contains("Value 'first' at 'deploymentNumber'");
    }

    @Test
    @DisplayName("nested structures, lists and maps are checked at every level, named by their path")
    void nested() {
        ModelRequest request = ServiceModel.of("lambda")
                .rest(
                        "POST",
                        "/2015-03-31/functions",
                        null,
                        Map.of(),
                        ("{\"FunctionName\":\"f\",\"Role\":\"arn:aws:iam::000000000000:role/r\",\"Code\":{},"
                                        + "\"TracingConfig\":{\"Mode\":\"Sometimes\"},\"EphemeralStorage\":{},"
                                        + "\"FileSystemConfigs\":[{\"Arn\":\"a\",\"LocalMountPath\":\"/tmp/x\"}],"
                                        + "\"Architectures\":[\"x86_64\",\"arm64\"]}")
                                .getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
        assertThat(request.violations())
                .extracting(Violation::member)
                .contains(
                        "tracingConfig.mode",
                        "ephemeralStorage.size",
                        "fileSystemConfigs.1.member.localMountPath",
                        "architectures");
    }
}
