package io.github.flagtest.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.github.flagtest.core.AppConfigEndpoint;
import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FlagClient;
import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.junit.FlagTest;
import io.github.flagtest.junit.WithFlag;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * 5,072 test invocations run concurrently, mixing matrices, pins, flips, {@code @FlagClient},
 * OpenFeature, {@code FlagTest.propagate} and one {@code AppConfigEndpoint} per test: each sees only
 * its own flags, and the report counts every one of them.
 */
class ConcurrencyTest {

    static final String[] A = {"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"};
    static final String[] B = {"b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9"};
    static final String[] C = {"c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"};

    @Test
    @DisplayName("5,072 concurrent invocations: zero cross-talk, and the report's counts match exactly")
    void noCrossTalk(@TempDir Path reports) throws Exception {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Fixtures.class))
                .configurationParameters(Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "concurrent",
                        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "8",
                        "flagtest.report.dir", reports.toString()))
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, summary);

        TestExecutionSummary result = summary.getSummary();
        assertThat(result.getFailures()).as("failures").isEmpty();
        assertThat(result.getTestsSucceededCount()).isEqualTo(5_072);

        JsonNode report =
                new ObjectMapper().readTree(reports.resolve("flags.json").toFile());
        assertThat(report.at("/summary/tests").asInt()).isEqualTo(5_072);
        assertThat(testsOf(report, "a0")).isEqualTo(1_024);
        assertThat(testsOf(report, "b5")).isEqualTo(1_024);
        assertThat(testsOf(report, "c9")).isEqualTo(1_024);
        assertThat(testsOf(report, "flipped")).isEqualTo(1_500);
        assertThat(testsOf(report, "nested")).isEqualTo(500);
        assertThat(report.at("/summary/flags").asInt()).isEqualTo(32);
    }

    private static long testsOf(JsonNode report, String flag) {
        for (JsonNode node : report.get("flags")) {
            if (node.get("name").asText().equals(flag)) {
                return node.get("tests").asLong();
            }
        }
        throw new AssertionError("no flag " + flag + " in the report");
    }

    /** A team's own flag client. */
    public interface Features {
        boolean isOn(String flag);
    }

    static void checkEverySource(FlagState state, FakeFlags flags, Features features, String... names) {
        Client openFeature = OpenFeatureAPI.getInstance().getClient();
        for (String flag : names) {
            boolean expected = state.isOn(flag);
            assertThat(flags.isEnabled(flag)).as(flag).isEqualTo(expected);
            assertThat(FlagTest.currentFlags().isEnabled(flag)).as(flag).isEqualTo(expected);
            assertThat(features.isOn(flag)).as(flag).isEqualTo(expected);
            assertThat(openFeature.getBooleanValue(flag, !expected)).as(flag).isEqualTo(expected);
            Thread.yield();
        }
    }

    @Execution(ExecutionMode.CONCURRENT)
    static class Fixtures {

        @FlagClient
        Features features;

        @FlagMatrix({"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"})
        void adapters(FlagState state, FakeFlags flags) {
            checkEverySource(state, flags, features, A);
        }

        @FlagMatrix({"b0", "b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8", "b9"})
        void appConfigEndpoint(FlagState state, AppConfigEndpoint appConfig) throws Exception {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(appConfig.agentUri("app", "env", "flags"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode served = new ObjectMapper().readTree(response.body());
            for (String flag : B) {
                assertThat(served.path(flag).path("enabled").asBoolean())
                        .as(flag)
                        .isEqualTo(state.isOn(flag));
            }
        }

        @FlagMatrix({"c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"})
        void propagatedToAPool(FlagState state) throws Exception {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                List<Boolean> seen = pool.submit(FlagTest.propagate(() -> java.util.Arrays.stream(C)
                                .map(flag -> FlagTest.currentFlags().isEnabled(flag))
                                .toList()))
                        .get();
                assertThat(seen)
                        .isEqualTo(java.util.Arrays.stream(C).map(state::isOn).toList());
            } finally {
                pool.shutdownNow();
            }
        }

        @RepeatedTest(1_500)
        @WithFlag(name = "flipped", enabled = true)
        void flipsStayLocal(RepetitionInfo repetition, FakeFlags flags) {
            boolean on = repetition.getCurrentRepetition() % 2 == 0;
            flags.set("flipped", on);
            for (int i = 0; i < 3; i++) {
                assertThat(features.isOn("flipped")).isEqualTo(on);
                assertThat(OpenFeatureAPI.getInstance().getClient().getBooleanValue("flipped", !on))
                        .isEqualTo(on);
                Thread.yield();
            }
        }

        @Nested
        @FlagMatrix("nested")
        @Execution(ExecutionMode.CONCURRENT)
        class NestedMatrix {
            @RepeatedTest(250)
            void nested(FlagState state, FakeFlags flags) {
                assertThat(flags.isEnabled("nested")).isEqualTo(state.isOn("nested"));
                assertThat(features.isOn("nested")).isEqualTo(state.isOn("nested"));
            }
        }
    }
}
