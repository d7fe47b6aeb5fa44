package io.github.flagtest.e2e.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.e2e.embedded.model.ModelRequest;
import io.github.flagtest.e2e.embedded.model.ServiceModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.appconfig.AppConfigClient;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;

/**
 * What checking each request against the model costs: 1,000 GetLatestConfiguration calls through
 * the SDK, and the model's binding and checking of the same request alone. Logged, not asserted
 * (timings depend on the machine).
 */
@DisplayName("the cost of model validation per request (logged)")
class ValidationCostTest {

    private static final int CALLS = 1_000;

    @Test
    @DisplayName("GetLatestConfiguration: 1,000 calls with validation, and the validation alone")
    void cost() throws Exception {
        AtomicLong nanos = new AtomicLong();
        try (EmbeddedAws aws = new EmbeddedAws(AppCds.off(), nanos::get);
                AppConfigClient control =
                        SignedClients.signedFor(aws, AppConfigClient.builder()).build();
                AppConfigDataClient data = SignedClients.signedFor(aws, AppConfigDataClient.builder())
                        .build()) {
            String app = control.createApplication(r -> r.name("shop")).id();
            String env = control.createEnvironment(r -> r.applicationId(app).name("prod"))
                    .id();
            String profile = control.createConfigurationProfile(r -> r.applicationId(app)
                            .name("flags")
                            .locationUri("hosted")
                            .type("AWS.AppConfig.FeatureFlags"))
                    .id();
            control.createHostedConfigurationVersion(r -> r.applicationId(app)
                    .configurationProfileId(profile)
                    .contentType("application/json")
                    .content(SdkBytes.fromUtf8String("{\"version\":\"1\",\"flags\":{\"a\":{\"name\":\"a\"}},"
                            + "\"values\":{\"a\":{\"enabled\":true}}}")));
            control.startDeployment(r -> r.applicationId(app)
                    .environmentId(env)
                    .configurationProfileId(profile)
                    .configurationVersion("1")
                    .deploymentStrategyId("AppConfig.AllAtOnce"));
            String token = data.startConfigurationSession(r -> r.applicationIdentifier(app)
                            .environmentIdentifier(env)
                            .configurationProfileIdentifier(profile)
                            .requiredMinimumPollIntervalInSeconds(15))
                    .initialConfigurationToken();
            for (int i = 0; i < 200; i++) { // warm-up
                nanos.addAndGet(15_000_000_000L);
                String current = token;
                token = data.getLatestConfiguration(r -> r.configurationToken(current))
                        .nextPollConfigurationToken();
            }
            long start = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                nanos.addAndGet(15_000_000_000L);
                String current = token;
                token = data.getLatestConfiguration(r -> r.configurationToken(current))
                        .nextPollConfigurationToken();
            }
            long calls = System.nanoTime() - start;

            ServiceModel model = ServiceModel.of("appconfigdata");
            String query = "configuration_token=" + token;
            ModelRequest checked = null;
            for (int i = 0; i < 10_000; i++) { // warm-up
                checked = model.rest("GET", "/configuration", query, Map.of(), new byte[0])
                        .orElseThrow();
            }
            start = System.nanoTime();
            for (int i = 0; i < CALLS; i++) {
                checked = model.rest("GET", "/configuration", query, Map.of("Accept", List.of("*/*")), new byte[0])
                        .orElseThrow();
            }
            long validation = System.nanoTime() - start;
            assertThat(checked.violations()).isEmpty();

            double perCall = calls / 1e3 / CALLS;
            double perValidation = validation / 1e3 / CALLS;
            System.out.printf(
                    "flagtest validation cost: %d GetLatestConfiguration calls %.0f requests/s (%.1f us each, with"
                            + " validation); the model's binding and checks alone %.1f us a request (%.1f%%), so"
                            + " about %.0f requests/s without%n",
                    CALLS,
                    1e6 / perCall,
                    perCall,
                    perValidation,
                    100 * perValidation / perCall,
                    1e6 / (perCall - perValidation));
        }
    }
}
