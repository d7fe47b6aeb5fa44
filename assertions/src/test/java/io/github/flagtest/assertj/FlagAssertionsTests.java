package io.github.flagtest.assertj;

import static io.github.flagtest.assertj.FlagAssertions.assertThat;
import static io.github.flagtest.assertj.FlagAssertions.assertThatEntryPoint;
import static io.github.flagtest.assertj.FlagAssertions.assertThatFeature;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.flagtest.core.AppConfigEndpoint;
import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagReader;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.core.Variants;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.junit.WithFlag;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.SoftAssertionsProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.mockito.Mockito;

/**
 * Each fixture test runs one assertion in a real flagtest test and checks its pass or its exact
 * failure message; the outer tests check that every fixture test passed.
 */
@DisplayName("FlagAssertions")
class FlagAssertionsTests {

    static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("flagtest.report", "false")
                .selectors(selectClass(fixture))
                .execute();
    }

    @Test
    @DisplayName("assertThatFeature: pass and fail of each check, with the calls, file:line and flag state")
    void feature() {
        run(FeatureFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(6).succeeded(6));
    }

    @Test
    @DisplayName("assertThatFeature(...).wasInvokedOnlyWhenEnabled() in every run of a matrix")
    void matrix() {
        run(MatrixFixture.class).testEvents().assertStatistics(s -> s.started(4).succeeded(4));
    }

    @Test
    @DisplayName("assertThatFeature sees entry points declared by type, on objects the code builds itself")
    void typeEntryPoint() {
        EngineExecutionResults results = run(TypeFixture.class);

        results.testEvents().assertStatistics(s -> s.started(4).succeeded(3).failed(1));
        Assertions.assertThat(results.testEvents()
                        .failed()
                        .list()
                        .get(0)
                        .getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable)
                        .orElseThrow())
                .hasMessageContaining("on class FlagAssertionsTests.TypeFixture, type Ledger: expected no call while "
                        + "'loyalty-points' was OFF, but there was 1:"); // offCallFails: the after-each check too
    }

    @Test
    @DisplayName("assertThatEntryPoint: counts calls on any mock; the flag check needs a registered entry point")
    void entryPoint() {
        run(EntryPointFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(4).succeeded(4));
    }

    @Nested
    @DisplayName("assertThat(FakeFlags)")
    class FakeFlagsAssertions {

        private final FakeFlags flags = new FakeFlags(FlagState.of(Map.of("loyalty-points", true, "sms", false)));

        @Test
        @DisplayName("evaluated / neverEvaluated / evaluatedTimes pass and fail with the sites")
        void counts() {
            flags.isEnabled("loyalty-points");
            flags.isEnabled("loyalty-points");

            assertThat(flags)
                    .evaluated("loyalty-points")
                    .evaluatedTimes("loyalty-points", 2)
                    .neverEvaluated("sms");
            assertThatThrownBy(() -> assertThat(flags).evaluated("sms"))
                    .hasMessage(String.format(
                            "%nExpecting flag \"sms\" to be evaluated but it was never read.%n"
                                    + "Flags read: [loyalty-points]%nFlag state of this run: %s",
                            flags.state()));
            assertThatThrownBy(() -> assertThat(flags).neverEvaluated("loyalty-points"))
                    .hasMessageContaining(
                            "Expecting flag \"loyalty-points\" never to be evaluated but it was read 2 time(s):")
                    .hasMessageContaining("FlagAssertionsTests$FakeFlagsAssertions.counts(FlagAssertionsTests.java:");
            assertThatThrownBy(() -> assertThat(flags).evaluatedTimes("loyalty-points", 1))
                    .hasMessageContaining("to be evaluated 1 time(s) but it was read 2 time(s):");
        }

        @Test
        @DisplayName("a flag only served in a whole document is not read: evaluated fails saying so and how to "
                + "make the read visible; ?flag= reads count")
        void servedIsNotRead() throws Exception {
            HttpClient http = HttpClient.newHttpClient(); // not AutoCloseable before Java 21
            try (AppConfigEndpoint endpoint = AppConfigEndpoint.start(flags, "orders", "dev", "flags")) {
                URI profile = endpoint.agentUri("orders", "dev", "flags");
                http.send(HttpRequest.newBuilder(profile).build(), HttpResponse.BodyHandlers.discarding());

                String message = String.format(
                        "%nExpecting flag \"sms\" to be evaluated but it was only served, in 1 whole document(s):%n"
                                + "  - agent of appconfig:orders/dev/flags%n"
                                + "flagtest cannot tell whether the code looked at a flag in a whole document.%n"
                                + "To make the read visible, read the flag by name: through FakeFlags, a @FlagClient,"
                                + " OpenFeature, or the AppConfig agent path with ?flag=sms.");
                assertThatThrownBy(() -> assertThat(flags).evaluated("sms")).hasMessage(message);
                assertThatThrownBy(() -> assertThat(flags).evaluatedAtSingleSite("sms"))
                        .hasMessage(message);
                assertThatThrownBy(() -> assertThat(flags).evaluatedTimes("sms", 1))
                        .hasMessage(message);
                assertThat(flags).neverEvaluated("sms").evaluatedTimes("sms", 0);

                http.send(
                        HttpRequest.newBuilder(URI.create(profile + "?flag=sms"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(flags).evaluated("sms").evaluatedTimes("sms", 1).evaluatedAtSingleSite("sms");
            }
        }

        @Test
        @DisplayName("targeting: evaluatedWithContext(Map) and servedVariant pass, and fail listing the contexts and"
                + " variants; a code path that passes no context reads as such")
        void targeting() {
            FakeFlags targeted = new FakeFlags(FlagState.of(Map.of(
                    "checkout",
                    Variants.of(List.of(
                            new Variants.Variant(
                                    "BetaUsers", true, Optional.of("(ends_with $email \"@example.com\")"), Map.of()),
                            new Variants.Variant("Default", false, Optional.empty(), Map.of()))))));
            targeted.isEnabled("checkout", new java.util.TreeMap<>(Map.of("email", "ana@example.com", "tier", "gold")));

            assertThat(targeted)
                    .evaluatedWithContext("checkout", Map.of("email", "ana@example.com"))
                    .servedVariant("checkout", "BetaUsers");
            assertThatThrownBy(() -> assertThat(targeted).servedVariant("checkout", "Default"))
                    .hasMessageStartingWith(String.format(
                            "%nExpecting flag \"checkout\" to be served variant \"Default\" but its reads got:%n"
                                    + "  - BetaUsers for context {email=ana@example.com, tier=gold} at "
                                    + "FlagAssertionsTests.java:"));

            FakeFlags forgetful = new FakeFlags(targeted.state());
            forgetful.isEnabled("checkout"); // the bug: the user's context is not passed
            assertThatThrownBy(() ->
                            assertThat(forgetful).evaluatedWithContext("checkout", Map.of("email", "ana@example.com")))
                    .hasMessageContaining("to be evaluated with context {email=ana@example.com} but its reads had"
                            + " these contexts:")
                    .hasMessageContaining("  - {} at FlagAssertionsTests.java:")
                    .hasMessageEndingWith("No read passed a context: every caller got the default variant."
                            + " Pass the evaluation context (the user id, ...) where the flag is read.");
        }

        @Test
        @DisplayName("evaluatedWithContext passes on a matching context and fails listing the contexts seen")
        void context() {
            flags.isEnabled("loyalty-points", Map.of("tier", "gold"));

            assertThat(flags).evaluatedWithContext("loyalty-points", "tier", "gold");
            assertThatThrownBy(() -> assertThat(flags).evaluatedWithContext("loyalty-points", "tier", "silver"))
                    .hasMessageStartingWith(String.format(
                            "%nExpecting flag \"loyalty-points\" to be evaluated with context tier=\"silver\" but its reads "
                                    + "had these contexts:%n  - {tier=gold} at FlagAssertionsTests.java:"));
        }

        @Test
        @DisplayName("evaluatedAtSingleSite: a loop is one site; two lines fail listing every file:line")
        void singleSite() {
            for (int i = 0; i < 3; i++) {
                flags.isEnabled("loyalty-points");
            }
            assertThat(flags).evaluatedAtSingleSite("loyalty-points");

            flags.isEnabled("loyalty-points");
            assertThatThrownBy(() -> assertThat(flags).evaluatedAtSingleSite("loyalty-points"))
                    .hasMessageContaining(
                            "Expecting flag \"loyalty-points\" to be read at a single site (the single point "
                                    + "of execution) but it was read at 2 sites:")
                    .hasMessageContaining(" (3 reads)")
                    .hasMessageContaining(" (1 read)")
                    .hasMessageContaining("Read the flag in one place and pass the decision on.");
            assertThatThrownBy(() -> assertThat(flags).evaluatedAtSingleSite("sms"))
                    .hasMessageContaining("to be evaluated but it was never read");
        }

        @Test
        @DisplayName("honours as(...) and withFailMessage(...); a null flag is an NPE")
        void description() {
            assertThatThrownBy(() -> assertThat(flags).as("checkout flags").evaluated("sms"))
                    .hasMessageStartingWith("[checkout flags] ");
            assertThatThrownBy(() -> assertThat(flags)
                            .withFailMessage("custom %s", "text")
                            .evaluated("sms"))
                    .hasMessage("custom text");
            assertThatThrownBy(() -> assertThat(flags).evaluated(null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        @DisplayName("soft assertions collect several failures")
        void soft() {
            assertThatThrownBy(() -> SoftAssertionsProvider.assertSoftly(FlagSoftAssertions.class, softly -> {
                        softly.assertThat(flags).evaluated("sms");
                        softly.assertThat(flags).evaluated("loyalty-points");
                        softly.assertThatEntryPoint(Mockito.mock(Runnable.class))
                                .wasInvoked();
                    }))
                    .hasMessageContaining("Multiple Failures (3 failures)")
                    .hasMessageContaining("Expecting flag \"sms\" to be evaluated")
                    .hasMessageContaining("Expecting flag \"loyalty-points\" to be evaluated")
                    .hasMessageContaining("to be invoked at least once");
        }
    }

    // ---- fixtures -------------------------------------------------------------------------

    public interface LoyaltyService {
        void award(String customer, int points);
    }

    static final class Checkout {
        private final FlagReader flags;
        private final LoyaltyService loyalty;

        Checkout(FlagReader flags, LoyaltyService loyalty) {
            this.flags = flags;
            this.loyalty = loyalty;
        }

        void guarded(String customer) {
            if (flags.isEnabled("loyalty-points")) {
                loyalty.award(customer, 10);
            }
        }

        void unguarded(String customer) {
            loyalty.award(customer, 10);
        }
    }

    static class FeatureFixture {

        @FeatureEntryPoint("loyalty-points")
        LoyaltyService loyalty;

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        void invokedPasses(FakeFlags flags) {
            new Checkout(flags, loyalty).guarded("c-1");
            assertThatFeature("loyalty-points").wasInvoked().wasInvokedTimes(1).wasInvokedOnlyWhenEnabled();
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        void notInvokedFails() {
            assertThatThrownBy(() -> assertThatFeature("loyalty-points").wasInvoked())
                    .hasMessage(
                            String.format(
                                    "%nExpecting the entry point of feature \"loyalty-points\" to be invoked at "
                                            + "least once but it was never invoked.%nFlag state of this run: [loyalty-points=ON]"));
            assertThatThrownBy(() -> assertThatFeature("loyalty-points").wasInvokedOnlyWhenEnabled())
                    .hasMessage(String.format("%nExpecting the entry point of feature \"loyalty-points\" to be invoked "
                            + "because 'loyalty-points' was ON but it was never invoked.%nFlag state of this run: "
                            + "[loyalty-points=ON]"));
            assertThatFeature("loyalty-points").wasNotInvoked().wasInvokedTimes(0);
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        void timesFailsListingCalls(FakeFlags flags) {
            new Checkout(flags, loyalty).guarded("c-1");
            new Checkout(flags, loyalty).guarded("c-2");
            assertThatThrownBy(() -> assertThatFeature("loyalty-points").wasInvokedTimes(1))
                    .hasMessageContaining("to be invoked 1 time(s) but it was invoked 2 time(s):")
                    .hasMessageContaining(
                            "1. loyalty.award(\"c-1\", 10) at io.github.flagtest.assertj.FlagAssertionsTests$"
                                    + "Checkout.guarded(FlagAssertionsTests.java:")
                    .hasMessageContaining("while loyalty-points=ON");
            assertThatThrownBy(() -> assertThatFeature("loyalty-points").wasNotInvoked())
                    .hasMessageContaining("not to be invoked but it was invoked 2 time(s):");
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        void offCallsFailTheOneLiner(FakeFlags flags) {
            Checkout checkout = new Checkout(flags, loyalty);
            checkout.guarded("before");
            flags.disable("loyalty-points");
            checkout.guarded("skipped"); // the code reads OFF: from now on a call is judged OFF
            checkout.unguarded("after");
            assertThatThrownBy(() -> assertThatFeature("loyalty-points").wasInvokedOnlyWhenEnabled())
                    .hasMessageContaining(
                            "never to be invoked while 'loyalty-points' was OFF but it was invoked 1 time(s) "
                                    + "while OFF:")
                    .hasMessageContaining("loyalty.award(\"after\", 10)")
                    .hasMessageNotContaining("award(\"before\"");
            Mockito.clearInvocations(loyalty); // keep the after-each invariant green for this fixture
        }

        @Test
        @WithFlag(name = "sms", enabled = true)
        void unknownFeatureFails() {
            assertThatThrownBy(() -> assertThatFeature("sms").wasInvoked())
                    .hasMessageContaining("Expecting an entry point registered for feature \"sms\" but there is none:")
                    .hasMessageContaining("No @FeatureEntryPoint(\"sms\") is registered in this test (registered: "
                            + "[loyalty-points])");
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        void softlyInATest(FakeFlags flags) {
            FlagSoftAssertions softly = new FlagSoftAssertions();
            softly.assertThatFeature("loyalty-points").wasInvoked();
            softly.assertThat(flags).evaluated("loyalty-points");
            Assertions.assertThat(softly.errorsCollected()).hasSize(2);
        }
    }

    public static class Ledger {
        public void award(String customer, int points) {}
    }

    @FeatureEntryPoint(value = "loyalty-points", type = Ledger.class)
    static class TypeFixture {
        @FlagMatrix("loyalty-points")
        void builtInside(FakeFlags flags) {
            if (flags.isEnabled("loyalty-points")) {
                new Ledger().award("c-1", 10);
            }
            assertThatFeature("loyalty-points").wasInvokedOnlyWhenEnabled();
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        void countsAndLists() {
            new Ledger().award("c-1", 10);
            new Ledger().award("c-2", 20);
            assertThatFeature("loyalty-points").wasInvoked().wasInvokedTimes(2);
            assertThatThrownBy(() -> assertThatFeature("loyalty-points").wasNotInvoked())
                    .hasMessageContaining("not to be invoked but it was invoked 2 time(s):")
                    .hasMessageContaining("1. Ledger.award(\"c-1\", 10) at io.github.flagtest.assertj."
                            + "FlagAssertionsTests$TypeFixture.countsAndLists(FlagAssertionsTests.java:");
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = false)
        void offCallFails() {
            assertThatFeature("loyalty-points").wasNotInvoked();
            new Ledger().award("c-3", 1);
            assertThatThrownBy(() -> assertThatFeature("loyalty-points").wasInvokedOnlyWhenEnabled())
                    .hasMessageContaining("while 'loyalty-points' was OFF but it was invoked 1 time(s) while OFF:");
        }
    }

    static class MatrixFixture {
        @FeatureEntryPoint("loyalty-points")
        LoyaltyService loyalty;

        @FlagMatrix({"loyalty-points", "sms"})
        void everyRun(FakeFlags flags) {
            new Checkout(flags, loyalty).guarded("c-1");
            assertThatFeature("loyalty-points").wasInvokedOnlyWhenEnabled();
            assertThat(flags).evaluatedAtSingleSite("loyalty-points");
        }
    }

    static class EntryPointFixture {
        @FeatureEntryPoint("loyalty-points")
        LoyaltyService loyalty;

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        void registered(FakeFlags flags) {
            new Checkout(flags, loyalty).guarded("c-1");
            assertThatEntryPoint(loyalty).wasInvoked().wasInvokedTimes(1).wasInvokedOnlyWhenEnabled();
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = false)
        void anyMock() {
            List<String> plain = Mockito.mock(List.class, "plain");
            plain.add("x");
            assertThatEntryPoint(plain).wasInvokedTimes(1);
            assertThatThrownBy(() -> assertThatEntryPoint(plain).wasNotInvoked())
                    .hasMessageContaining("Expecting entry point plain not to be invoked but it was invoked 1 time(s):")
                    .hasMessageContaining("plain.add(\"x\") at ");
            assertThatThrownBy(() -> assertThatEntryPoint(plain).wasInvokedOnlyWhenEnabled())
                    .hasMessageContaining("Expecting entry point plain to be registered with @FeatureEntryPoint");
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = false)
        void notAMock() {
            assertThatThrownBy(() -> assertThatEntryPoint("a string").wasInvoked())
                    .hasMessageContaining("Expecting a Mockito mock or spy but was:");
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = false)
        void nullActual() {
            assertThatThrownBy(() -> assertThatEntryPoint(null).wasInvoked())
                    .hasMessageContaining("Expecting actual not to be null");
        }
    }
}
