package io.github.flagtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

@DisplayName("parallel execution")
class ParallelTests {

    static final String[] FLAGS = {"f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9"};

    @Test
    @DisplayName(
            "1,024 concurrent invocations each see only their own state through FakeFlags, @FlagClient and OpenFeature")
    void noCrossTalk() {
        ConcurrentFixture.threads.clear();
        var results = FlagTestKit.run(
                ConcurrentFixture.class,
                Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "8"));

        results.testEvents()
                .assertStatistics(s -> s.started(1024).succeeded(1024).failed(0));
        assertThat(ConcurrentFixture.threads).as("ran on several threads").hasSizeGreaterThan(1);
    }

    public interface Features {
        boolean enabled(String flag);
    }

    @Execution(ExecutionMode.CONCURRENT)
    static class ConcurrentFixture {
        static final Set<String> threads = ConcurrentHashMap.newKeySet();

        @FlagClient
        Features features;

        @FeatureEntryPoint("f0")
        Runnable feature;

        @FlagMatrix({"f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9"})
        void ownStateOnly(FlagState state, FakeFlags flags) {
            threads.add(Thread.currentThread().getName());
            Client client = OpenFeatureAPI.getInstance().getClient();
            for (int round = 0; round < 3; round++) {
                for (String flag : FLAGS) {
                    boolean expected = state.isOn(flag);
                    assertThat(flags.isEnabled(flag)).as(flag).isEqualTo(expected);
                    assertThat(FlagTest.currentFlags().isEnabled(flag)).as(flag).isEqualTo(expected);
                    assertThat(features.enabled(flag)).as(flag).isEqualTo(expected);
                    assertThat(client.getBooleanValue(flag, !expected)).as(flag).isEqualTo(expected);
                    Thread.yield();
                }
            }
            if (features.enabled("f0")) {
                feature.run();
            }
            assertThat(flags.evaluations()).hasSize(3 * FLAGS.length * 4 + 1);
        }
    }
}
