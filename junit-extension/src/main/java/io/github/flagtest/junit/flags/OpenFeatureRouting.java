package io.github.flagtest.junit.flags;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;
import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FakeFlagsProvider;
import io.github.flagtest.junit.current.CurrentFlags;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The global OpenFeature adapter: while tests run, the default provider routes each evaluation to
 * the flags of the test on the calling thread (or to the user's own provider when no flagtest test
 * runs there). The user's provider is parked on a private domain, so that swapping it out does not
 * shut it down, and it is put back when the engine run ends, whatever the tests did.
 */
// JUnit closes a store value once: as AutoCloseable from 5.13, as CloseableResource before
@SuppressWarnings("deprecation")
final class OpenFeatureRouting implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    static final String PARKING_DOMAIN = "io.github.flagtest.parked-default-provider";

    private final OpenFeatureAPI api;
    private final FeatureProvider parked;

    private OpenFeatureRouting(OpenFeatureAPI api, FeatureProvider parked) {
        this.api = api;
        this.parked = parked;
    }

    static OpenFeatureRouting install() {
        OpenFeatureAPI api = OpenFeatureAPI.getInstance();
        FeatureProvider users = api.getProvider();
        api.setProviderAndWait(PARKING_DOMAIN, users);
        api.setProviderAndWait(new Router(users));
        return new OpenFeatureRouting(api, users);
    }

    static Client client() {
        return OpenFeatureAPI.getInstance().getClient();
    }

    @Override
    public void close() {
        api.setProviderAndWait(parked);
        api.setProviderAndWait(PARKING_DOMAIN, new dev.openfeature.sdk.NoOpProvider());
    }

    /** Answers from the current test's fake, or from the user's provider outside flagtest tests. */
    private static final class Router implements FeatureProvider {

        private final FeatureProvider fallback;

        Router(FeatureProvider fallback) {
            this.fallback = fallback;
        }

        private FeatureProvider target() {
            Optional<FakeFlags> flags = CurrentFlags.get();
            return flags.<FeatureProvider>map(FakeFlagsProvider::new).orElse(fallback);
        }

        @Override
        public Metadata getMetadata() {
            return () -> "flagtest";
        }

        @Override
        public ProviderEvaluation<Boolean> getBooleanEvaluation(
                String key, Boolean defaultValue, EvaluationContext ctx) {
            return target().getBooleanEvaluation(key, defaultValue, ctx);
        }

        @Override
        public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
            return target().getStringEvaluation(key, defaultValue, ctx);
        }

        @Override
        public ProviderEvaluation<Integer> getIntegerEvaluation(
                String key, Integer defaultValue, EvaluationContext ctx) {
            return target().getIntegerEvaluation(key, defaultValue, ctx);
        }

        @Override
        public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
            return target().getDoubleEvaluation(key, defaultValue, ctx);
        }

        @Override
        public ProviderEvaluation<Long> getLongEvaluation(String key, Long defaultValue, EvaluationContext ctx) {
            return target().getLongEvaluation(key, defaultValue, ctx);
        }

        @Override
        public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
            return target().getObjectEvaluation(key, defaultValue, ctx);
        }
    }
}
