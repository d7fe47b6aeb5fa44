package io.github.flagtest.junit;

import static io.github.flagtest.junit.FlagTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.junit.current.CurrentFlags;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("OpenFeature")
class OpenFeatureTests {

    private final OpenFeatureAPI api = OpenFeatureAPI.getInstance();
    private final UsersProvider users = new UsersProvider();

    @BeforeEach
    void installUsersProvider() {
        api.setProviderAndWait(users);
    }

    @AfterEach
    void removeUsersProvider() {
        api.setProviderAndWait(new dev.openfeature.sdk.NoOpProvider());
    }

    @Test
    @DisplayName("answers OpenFeatureAPI reads from each test's flags; undeclared flags get the caller's default")
    void answersFromFlags() {
        run(OpenFeatureFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(3).succeeded(3));
    }

    @Test
    @DisplayName("puts the user's provider back after the run, alive, even when tests failed")
    void restoresProvider() {
        run(FailingFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(2).failed(2));

        assertThat(api.getProvider()).isSameAs(users);
        assertThat(users.shutdowns).hasValue(0);
        assertThat(api.getClient().getBooleanValue("anything", false)).isTrue();
    }

    static class OpenFeatureFixture {

        @Test
        @WithFlag(name = "dynamic-discount", enabled = true)
        @WithFlag(name = "tier", value = "gold")
        void globalApi(FakeFlags flags) {
            Client client = OpenFeatureAPI.getInstance().getClient();
            assertThat(client.getBooleanValue("dynamic-discount", false)).isTrue();
            assertThat(client.getStringValue("tier", "basic")).isEqualTo("gold");
            assertThat(client.getBooleanValue("undeclared", true)).isTrue();
            assertThat(client.getBooleanValue("dynamic-discount", false, new ImmutableContext("user-7")))
                    .isTrue();
            assertThat(flags.evaluations()).hasSize(4);
            assertThat(flags.evaluations().get(3).context().get("targetingKey")).isEqualTo("user-7");
        }

        @Test
        @WithFlag(name = "dynamic-discount", enabled = false)
        void clientParameter(Client client) {
            assertThat(client.getBooleanValue("dynamic-discount", true)).isFalse();
            assertThat(client.getBooleanDetails("dynamic-discount", true).getReason())
                    .isEqualTo(Reason.STATIC.name());
        }

        @Test
        @WithFlag(name = "dynamic-discount", enabled = true)
        void otherThreadsWithoutATestSeeTheUsersProvider() throws Exception {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                // this pool thread inherited the test's flags; unbind it, as a thread no test started would be
                CurrentFlags.Binding none = null;
                pool.submit(() -> CurrentFlags.swap(none)).get();
                assertThat(pool.submit(() -> OpenFeatureAPI.getInstance()
                                        .getClient()
                                        .getBooleanDetails("dynamic-discount", false)
                                        .getReason())
                                .get())
                        .isEqualTo("USERS");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    static class FailingFixture {
        @Test
        @WithFlag(name = "a")
        void fails() {
            throw new AssertionError("boom");
        }

        @Test
        @WithFlag(name = "a")
        void errors() {
            throw new IllegalStateException("boom");
        }
    }

    /** A provider the user installed before the tests: it must survive them. */
    static final class UsersProvider implements FeatureProvider {
        final AtomicInteger shutdowns = new AtomicInteger();

        @Override
        public Metadata getMetadata() {
            return () -> "users";
        }

        @Override
        public void shutdown() {
            shutdowns.incrementAndGet();
        }

        private <T> ProviderEvaluation<T> answer(T value) {
            return ProviderEvaluation.<T>builder().value(value).reason("USERS").build();
        }

        @Override
        public ProviderEvaluation<Boolean> getBooleanEvaluation(
                String key, Boolean defaultValue, EvaluationContext ctx) {
            return answer(true);
        }

        @Override
        public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
            return answer("users");
        }

        @Override
        public ProviderEvaluation<Integer> getIntegerEvaluation(
                String key, Integer defaultValue, EvaluationContext ctx) {
            return answer(1);
        }

        @Override
        public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
            return answer(1.0);
        }

        @Override
        public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
            return answer(new Value("users"));
        }
    }
}
