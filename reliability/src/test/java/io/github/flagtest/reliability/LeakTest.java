package io.github.flagtest.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.github.flagtest.core.AppConfigEndpoint;
import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.e2e.DeployedFunction;
import io.github.flagtest.e2e.LambdaE2E;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.WithFlag;
import io.github.flagtest.junit.instrument.CallHook;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * After failing, erroring, aborted and timed-out tests — unit tests with OpenFeature, system
 * properties and AppConfig endpoints, and an E2E class with a child JVM — nothing flagtest started or
 * changed is left behind. Checked with the JDK's thread, socket and process APIs.
 */
class LeakTest {

    static final List<URI> ENDPOINTS = new CopyOnWriteArrayList<>();

    @Test
    @DisplayName("no provider, system property, thread, server socket, child JVM or call listener survives the run")
    void nothingLeaks() throws Exception {
        java.util.TimeZone.getDefault(); // the JDK sets user.timezone lazily; not ours to count
        FeatureProvider provider = OpenFeatureAPI.getInstance().getProvider();
        Map<Object, Object> properties = new HashMap<>(System.getProperties());
        Set<Long> threadsBefore = nonDaemonThreads();
        ENDPOINTS.clear();

        var results = EngineTestKit.engine("junit-jupiter")
                .configurationParameters(Map.of("flagtest.report", "false", "flagtest.e2e.backend", "embedded"))
                .selectors(selectClass(UnitFailures.class), selectClass(E2EFailure.class))
                .execute();

        results.testEvents().assertStatistics(s -> s.started(8).failed(7).aborted(1));
        assertThat(CallHook.listeners()).as("listeners of type entry points").isZero();
        assertThat(OpenFeatureAPI.getInstance().getProvider())
                .as("OpenFeature provider")
                .isSameAs(provider);
        assertThat(new HashMap<>(System.getProperties()))
                .as("system properties")
                .isEqualTo(properties);
        assertThat(ENDPOINTS).hasSize(2);
        for (URI endpoint : ENDPOINTS) {
            assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
                    .as("server socket of " + endpoint)
                    .isInstanceOf(ConnectException.class);
        }
        for (ProcessHandle child : ProcessHandle.current().descendants().toList()) {
            child.onExit().get(10, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
                .as("child JVMs")
                .isEmpty();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("flagtest-")) {
                thread.join(5_000);
            }
        }
        assertThat(Thread.getAllStackTraces().keySet())
                .as("flagtest threads")
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("flagtest-"));
        assertThat(nonDaemonThreads()).as("new non-daemon threads").isSubsetOf(threadsBefore);
    }

    private static Set<Long> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .map(Thread::getId)
                .collect(Collectors.toSet());
    }

    public static class Ledger {
        public void award(String customer) {}
    }

    @WithFlag(name = "loyalty-points", enabled = false)
    @FeatureEntryPoint(value = "loyalty-points", type = Ledger.class)
    static class UnitFailures {

        @FeatureEntryPoint("loyalty-points")
        Runnable loyalty;

        @Test
        void failsWithAnEndpointAndASystemProperty(AppConfigEndpoint appConfig) {
            ENDPOINTS.add(appConfig.uri());
            appConfig.setSystemProperty();
            throw new AssertionError("fails");
        }

        @Test
        void errorsWhileReadingOpenFeature(FakeFlags flags) {
            OpenFeatureAPI.getInstance().getClient().getBooleanValue("loyalty-points", true);
            throw new IllegalStateException("errors");
        }

        @Test
        void aborts(AppConfigEndpoint appConfig) {
            ENDPOINTS.add(appConfig.uri());
            Assumptions.abort("aborted");
        }

        @Test
        @Timeout(value = 200, unit = TimeUnit.MILLISECONDS)
        void timesOut() throws InterruptedException {
            Thread.sleep(5_000);
        }

        @Test
        @Timeout(value = 200, unit = TimeUnit.MILLISECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        void timesOutOnItsOwnThread() throws InterruptedException {
            Thread.sleep(5_000);
        }

        @Test
        void violatesTheEntryPoint() {
            loyalty.run();
        }

        @Test
        void violatesTheTypeEntryPoint() {
            new Ledger().award("c-1");
        }
    }

    @LambdaE2E(handler = "io.github.flagtest.reliability.EchoHandler::handleRequest")
    static class E2EFailure {
        @Test
        void failsAfterInvoking(DeployedFunction echo) {
            assertThat(echo.invoke(Map.of("hello", "world")).payload()).contains("world");
            throw new AssertionError("fails after the function ran");
        }
    }
}
