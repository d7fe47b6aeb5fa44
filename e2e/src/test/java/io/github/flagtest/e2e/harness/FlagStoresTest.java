package io.github.flagtest.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.e2e.FlagLocation;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

@DisplayName("flag stores, placeholders and drill pauses")
class FlagStoresTest {

    /** A backend without AppConfig (LocalStack's community image); never started. */
    record StubBackend(String name, String maxRuntime) implements Backend {
        @Override
        public ClientSettings clientSettings() {
            throw new AssertionError("not reached: no AppConfig means no call");
        }

        @Override
        public boolean appConfig() {
            return false;
        }

        @Override
        public boolean runsFromClassPath() {
            return false;
        }

        @Override
        public String role() {
            return "";
        }

        @Override
        public void close() {}
    }

    static Backend withoutAppConfig() {
        return new StubBackend("localstack", "java21");
    }

    @Test
    @DisplayName("a backend without AppConfig stops the class, naming the backend and the alternatives (no silent SSM)")
    void noSilentFallback() {
        assertThatThrownBy(() -> FlagStores.create(
                        null,
                        FlagStores.APPCONFIG,
                        withoutAppConfig(),
                        "p",
                        "FEATURE_",
                        Map.of(),
                        FlagCatalog.parse("{}", "none"),
                        FlagState.empty(),
                        new ArrayDeque<>()))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("the localstack backend has no AppConfig (LocalStack's community image")
                .hasMessageContaining("LOCALSTACK_AUTH_TOKEN")
                .hasMessageContaining("-Dflagtest.e2e.backend=embedded")
                .hasMessageContaining("-Dflagtest.e2e.flagStore=ssm")
                .hasMessageContaining("-Dflagtest.e2e.flagStore=env");
    }

    @Test
    @DisplayName("flagtest.e2e.flagStore: appconfig by default, ssm, env; anything else is named")
    void kinds() {
        assertThat(FlagStores.kind(Optional.empty())).isEqualTo("appconfig");
        assertThat(FlagStores.kind(Optional.of(" SSM "))).isEqualTo("ssm");
        assertThat(FlagStores.kind(Optional.of("env"))).isEqualTo("env");
        assertThatThrownBy(() -> FlagStores.kind(Optional.of("parameter-store")))
                .hasMessage(
                        "flagtest.e2e.flagStore=parameter-store is not a flag store; use appconfig (the default), ssm or env");
    }

    @Nested
    @DisplayName("the env store")
    class Env {

        @Test
        @DisplayName("names a flag's variable FEATURE_ plus its name in capitals, non-alphanumerics as _")
        void names() {
            FlagStores.EnvStore store = new FlagStores.EnvStore(
                    "FEATURE_", FlagState.of(Map.of("loyalty-points", true, "checkout", "B", "free.shipping", false)));

            assertThat(store.functionEnvironment())
                    .containsExactly(
                            Map.entry("FEATURE_CHECKOUT", "B"),
                            Map.entry("FEATURE_FREE_SHIPPING", "false"),
                            Map.entry("FEATURE_LOYALTY_POINTS", "true"));
        }

        @Test
        @DisplayName("refuses two flags that become one variable")
        void collision() {
            assertThatThrownBy(() -> new FlagStores.EnvStore("F_", FlagState.of(Map.of("a-b", true, "a_b", false))))
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining("both become the environment variable F_A_B");
        }

        @Test
        @DisplayName("hands every write to the function's update")
        void writes() {
            FlagStores.EnvStore store = new FlagStores.EnvStore("F_", FlagState.of(Map.of("a", false)));
            Map<String, String> updated = new LinkedHashMap<>();
            store.onChange(state -> updated.putAll(store.variables(state)));

            store.enable("a");

            assertThat(updated).containsExactly(Map.entry("F_A", "true"));
            assertThat(store.current().isOn("a")).isTrue();
        }
    }

    @Test
    @DisplayName("placeholders resolve to the store's location, inside longer values too")
    void placeholders() {
        FlagLocation location = FlagStores.appConfigLocation("app", "e2e", "flags", "a1", "e1", "p1");
        Map<String, String> declared = new LinkedHashMap<>();
        declared.put("URL", "/applications/${appconfig.application}/environments/${appconfig.environment}");
        declared.put("IDS", "${appconfig.applicationId}:${appconfig.profileId}");
        declared.put("PLAIN", "$HOME and {x}");

        assertThat(Placeholders.resolve(declared, location, "T"))
                .containsEntry("URL", "/applications/app/environments/e2e")
                .containsEntry("IDS", "a1:p1")
                .containsEntry("PLAIN", "$HOME and {x}");
        assertThatThrownBy(() -> Placeholders.resolve(Map.of("X", "${appconfig.app}"), location, "T"))
                .hasMessageContaining("${appconfig.app} is unknown");
    }

    @Test
    @DisplayName("a drill pauses 50 ms, doubling up to 2 s, never past its deadline, and cuts long payloads")
    void backoff() {
        Backoff backoff = new Backoff();
        Duration plenty = Duration.ofMinutes(1);

        assertThat(backoff.next(plenty)).isEqualTo(Duration.ofMillis(50));
        assertThat(backoff.next(plenty)).isEqualTo(Duration.ofMillis(100));
        for (int i = 0; i < 10; i++) {
            backoff.next(plenty);
        }
        assertThat(backoff.next(plenty)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.next(Duration.ofMillis(30))).isEqualTo(Duration.ofMillis(30));
        assertThat(Backoff.shorten("x".repeat(1000))).hasSize(300 + "... (1000 characters)".length());
        assertThat(Backoff.shorten("short")).isEqualTo("short");
    }

    @Test
    @DisplayName("a drill's report names the function's poll interval when flagtest knows it")
    void drillReport() {
        assertThat(new Summary.Drill("fn", 15_312, 13, Optional.of(Duration.ofSeconds(15))).describe())
                .isEqualTo(
                        "fn showed the new flag state after 15312 ms (13 invocations; it polls its flags every 15 s)");
        assertThat(new Summary.Drill("fn", 40, 1, Optional.empty()).describe())
                .isEqualTo("fn showed the new flag state after 40 ms (1 invocation)");
    }
}
