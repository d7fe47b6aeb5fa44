package io.github.flagtest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.junit.current.CurrentFlags;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("nothing global is left changed")
class LeakTests {

    @Test
    @DisplayName(
            "after failing, erroring and aborted tests: same OpenFeature provider, system properties and thread binding")
    void noLeaks() {
        java.util.TimeZone.getDefault(); // the JDK sets user.timezone lazily on first use; not ours to count
        FeatureProvider provider = OpenFeatureAPI.getInstance().getProvider();
        Map<Object, Object> properties = snapshot(System.getProperties());

        FlagTestKit.run(BadFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(4).failed(3).aborted(1));

        assertThat(OpenFeatureAPI.getInstance().getProvider()).isSameAs(provider);
        assertThat(snapshot(System.getProperties())).isEqualTo(properties);
        assertThat(CurrentFlags.get()).isEmpty();
    }

    private static Map<Object, Object> snapshot(Properties properties) {
        return new HashMap<>(properties);
    }

    @WithFlag(name = "loyalty-points", enabled = false)
    static class BadFixture {
        @FeatureEntryPoint("loyalty-points")
        Runnable loyalty;

        @Test
        void fails() {
            throw new AssertionError("boom");
        }

        @Test
        void errors(FakeFlags flags) {
            flags.enable("x");
            throw new IllegalStateException("boom");
        }

        @Test
        void violates() {
            loyalty.run();
        }

        @Test
        void aborts() {
            Assumptions.abort("not today");
        }
    }
}
