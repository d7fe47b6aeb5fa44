package io.github.flagtest.junit;

import static io.github.flagtest.junit.FlagTestKit.message;
import static io.github.flagtest.junit.FlagTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.mockito.Mockito;
import org.opentest4j.AssertionFailedError;

@DisplayName("@FeatureEntryPoint")
class FeatureEntryPointTests {

    @Nested
    @DisplayName("names checked against the catalog")
    class Names {

        @Test
        @DisplayName("fails a name missing from the catalog on a field, a parameter or a type, with a suggestion")
        void typo() {
            var catalog = java.util.Map.of("flagtest.catalog", "flags/catalog.json");
            for (Class<?> fixture :
                    List.of(TypoFieldFixture.class, TypoParameterFixture.class, TypoTypeFixture.class)) {
                EngineExecutionResults results = run(fixture, catalog);

                assertThat(message(results.testEvents().failed().list().get(0)))
                        .as(fixture.getSimpleName())
                        .contains("@FeatureEntryPoint on ")
                        .endsWith(": flag 'loyalty-pionts' is not in the catalog classpath:flags/catalog.json; "
                                + "did you mean 'loyalty-points'? fix the name or add the flag to the catalog");
            }
            assertThat(message(run(TypoFieldFixture.class, catalog)
                            .testEvents()
                            .failed()
                            .list()
                            .get(0)))
                    .startsWith("@FeatureEntryPoint on field FeatureEntryPointTests.TypoFieldFixture.loyalty: ");
        }

        @Test
        @DisplayName("without a catalog any name goes, as for @WithFlag")
        void noCatalog() {
            for (Class<?> fixture :
                    List.of(TypoFieldFixture.class, TypoParameterFixture.class, TypoTypeFixture.class)) {
                run(fixture)
                        .testEvents()
                        .assertStatistics(stats -> stats.succeeded(1).failed(0));
            }
        }
    }

    @Nested
    @DisplayName("with the flag OFF")
    class FlagOff {

        @Test
        @DisplayName("fails a test that called the entry point, listing each call, its arguments and file:line")
        void failsWithCalls() {
            EngineExecutionResults results = FlagTestKit.runMethod(OrderFixture.class, "offButCalled");

            results.testEvents().assertStatistics(stats -> stats.failed(1));
            String failure = message(results.testEvents().failed().list().get(0));
            assertThat(failure)
                    .startsWith(
                            "@FeatureEntryPoint(\"loyalty-points\") on field FeatureEntryPointTests.OrderFixture.loyalty: "
                                    + "expected no call while 'loyalty-points' was OFF, but there were 2:\n"
                                    + "  1. loyalty.award(\"c-1\", 120) at ")
                    .contains("  2. loyalty.award(\"c-2\", 7) at ")
                    .containsPattern(
                            Pattern.compile(
                                    "at io\\.github\\.flagtest\\.junit\\.FeatureEntryPointTests\\$OrderService"
                                            + "\\.placeUnguarded\\(FeatureEntryPointTests\\.java:\\d+\\) while loyalty-points=OFF"))
                    .contains("while loyalty-points=OFF (the code never read it through flagtest before this call)")
                    .contains("Flags this run started with: [loyalty-points=OFF]")
                    .endsWith(
                            "The code under test must check 'loyalty-points' before it calls the entry point (one if: the "
                                    + "single point of execution).");
        }

        @Test
        @DisplayName("passes when the code checks the flag, and ON runs may call it")
        void passesWhenGuarded() {
            FlagTestKit.runMethod(OrderFixture.class, "offGuarded").testEvents().assertStatistics(s -> s.succeeded(1));
            FlagTestKit.runMethod(OrderFixture.class, "onCalled").testEvents().assertStatistics(s -> s.succeeded(1));
        }

        @Test
        @DisplayName("adds the violation to an already failing test instead of hiding its failure")
        void keepsTheTestsOwnFailure() {
            EngineExecutionResults results = FlagTestKit.runMethod(OrderFixture.class, "failsItselfAndCalls");

            Throwable thrown = results.testEvents()
                    .failed()
                    .list()
                    .get(0)
                    .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                    .orElseThrow();
            assertThat(thrown).hasMessage("the test's own failure");
            assertThat(thrown.getSuppressed()).singleElement().isInstanceOf(AssertionFailedError.class);
        }
    }

    @Nested
    @DisplayName("judges each call by the state at the time of the call")
    class KillSwitch {

        @Test
        @DisplayName("a call after the flag was switched OFF fails; calls before it pass")
        void killSwitch() {
            EngineExecutionResults results = FlagTestKit.runMethod(OrderFixture.class, "killSwitchBroken");

            String failure = message(results.testEvents().failed().list().get(0));
            assertThat(failure)
                    .contains("but there was 1:")
                    .contains("loyalty.award(\"after\", 2)")
                    .doesNotContain("award(\"before\"");
        }

        @Test
        @DisplayName("a call after the flag was switched ON passes")
        void switchedOn() {
            FlagTestKit.runMethod(OrderFixture.class, "enabledMidTest")
                    .testEvents()
                    .assertStatistics(s -> s.succeeded(1));
        }
    }

    @Nested
    @DisplayName("finds its target")
    class Targets {

        @Test
        @DisplayName("a null interface field becomes a mock, a null class field a spy running real methods")
        void mockAndSpy() {
            run(TargetsFixture.class)
                    .testEvents()
                    .assertStatistics(s -> s.started(3).succeeded(3));
        }

        @Test
        @DisplayName("an entry point assigned in @BeforeEach is the one checked, and methods= narrows it")
        void beforeEachAndMethods() {
            EngineExecutionResults results = run(BeforeEachFixture.class);

            results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
            assertThat(message(results.testEvents().failed().list().get(0)))
                    .contains("notifier.send(\"x\")")
                    .doesNotContain("preview");
        }

        @Test
        @DisplayName("a parameter works like a field")
        void parameter() {
            EngineExecutionResults results = run(ParameterFixture.class);

            assertThat(message(results.testEvents().failed().list().get(0)))
                    .startsWith(
                            "@FeatureEntryPoint(\"loyalty-points\") on parameter 'loyalty' of called(): expected no call");
        }

        @Test
        @DisplayName("a field filled by flagtest is cleared after the test, also with one instance per class")
        void restoresField() {
            run(PerClassFixture.class)
                    .testEvents()
                    .assertStatistics(s -> s.started(2).succeeded(2));
            assertThat(PerClassFixture.seen).hasSize(2).doesNotHaveDuplicates();
        }
    }

    @Nested
    @DisplayName("with expectWhenEnabled")
    class ExpectWhenEnabled {

        @Test
        @DisplayName("fails an ON run that never called the entry point")
        void failsOnWithoutCall() {
            EngineExecutionResults results = run(ExpectFixture.class);

            results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
            assertThat(message(results.testEvents().failed().list().get(0)))
                    .isEqualTo(
                            "@FeatureEntryPoint(\"loyalty-points\") on field FeatureEntryPointTests.ExpectFixture.loyalty: "
                                    + "expected at least one call while 'loyalty-points' was ON (expectWhenEnabled = true), but there "
                                    + "was none.\nFlags this run started with: [loyalty-points=ON]\nThe code read"
                                    + " 'loyalty-points' 0 times through flagtest in this test: it likely reads its"
                                    + " flags from another client. Hand it the test's flags: a @FlagClient mock, the"
                                    + " FakeFlags parameter, an AppConfigEndpoint for the AWS SDK, or OpenFeature.");
        }
    }

    @Nested
    @DisplayName("when misconfigured")
    class Misconfigured {

        @Test
        @DisplayName("fails a field that holds neither a mock, a spy nor null")
        void notAMock() {
            assertThat(message(run(RealObjectFixture.class)
                            .testEvents()
                            .failed()
                            .list()
                            .get(0)))
                    .isEqualTo(
                            "@FeatureEntryPoint(\"loyalty-points\") on field FeatureEntryPointTests.RealObjectFixture.loyalty: "
                                    + "the field holds a io.github.flagtest.junit.FeatureEntryPointTests$RealLoyalty that is neither a "
                                    + "Mockito mock nor a spy; leave it null (flagtest creates a mock or spy) or assign mock(...) or spy(...)");
        }

        @Test
        @DisplayName("fails a concrete class without a no-arg constructor")
        void noDefaultConstructor() {
            assertThat(message(run(NoConstructorFixture.class)
                            .testEvents()
                            .failed()
                            .list()
                            .get(0)))
                    .contains(
                            "Priced has no no-arg constructor, so flagtest cannot create a spy of it; assign one yourself "
                                    + "(= spy(new Priced(...))) or declare the field with an interface type");
        }

        @Test
        @DisplayName("fails methods= naming a method the type does not have")
        void unknownMethod() {
            EngineExecutionResults results = run(UnknownMethodFixture.class);

            Throwable thrown = results.testEvents()
                    .failed()
                    .list()
                    .get(0)
                    .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                    .orElseThrow();
            assertThat(thrown)
                    .isInstanceOf(ExtensionConfigurationException.class)
                    .hasMessageContaining(
                            "methods names 'awrd', but LoyaltyService has no public method of that name; use one of [award]");
        }
    }

    // ---- production-like code and fixtures ------------------------------------------------

    public interface LoyaltyService {
        void award(String customer, int points);
    }

    public interface Notifier {
        void send(String message);

        String preview(String message);
    }

    public static class ShippingCalculator {
        public int cost(int weight) {
            return weight * 2;
        }
    }

    public static class RealLoyalty implements LoyaltyService {
        @Override
        public void award(String customer, int points) {}
    }

    public static class Priced {
        public Priced(int price) {}
    }

    static final class OrderService {
        private final FlagReader flags;
        private final LoyaltyService loyalty;

        OrderService(FlagReader flags, LoyaltyService loyalty) {
            this.flags = flags;
            this.loyalty = loyalty;
        }

        void place(String customer, int points) {
            if (flags.isEnabled("loyalty-points")) {
                loyalty.award(customer, points);
            }
        }

        void placeUnguarded(String customer, int points) {
            loyalty.award(customer, points);
        }
    }

    static class TypoFieldFixture {
        @FeatureEntryPoint("loyalty-pionts")
        LoyaltyService loyalty;

        @Test
        void typo() {}
    }

    static class TypoParameterFixture {
        @Test
        void typo(@FeatureEntryPoint("loyalty-pionts") LoyaltyService loyalty) {}
    }

    @FeatureEntryPoint(value = "loyalty-pionts", type = LoyaltyService.class, methods = "award")
    static class TypoTypeFixture {
        @Test
        void typo() {}
    }

    @WithFlag(name = "loyalty-points", enabled = false)
    static class OrderFixture {

        @FeatureEntryPoint("loyalty-points")
        LoyaltyService loyalty;

        @Test
        void offButCalled(FakeFlags flags) {
            OrderService orders = new OrderService(flags, loyalty);
            orders.placeUnguarded("c-1", 120);
            orders.placeUnguarded("c-2", 7);
        }

        @Test
        void offGuarded(FakeFlags flags) {
            new OrderService(flags, loyalty).place("c-1", 120);
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        void onCalled(FakeFlags flags) {
            new OrderService(flags, loyalty).place("c-1", 120);
            Mockito.verify(loyalty).award("c-1", 120);
        }

        @Test
        void failsItselfAndCalls(FakeFlags flags) {
            new OrderService(flags, loyalty).placeUnguarded("c-1", 1);
            throw new IllegalStateException("the test's own failure");
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        void killSwitchBroken(FakeFlags flags) {
            OrderService orders = new OrderService(flags, loyalty);
            orders.placeUnguarded("before", 1);
            flags.disable("loyalty-points");
            orders.placeUnguarded("after", 2);
        }

        @Test
        void enabledMidTest(FakeFlags flags) {
            flags.enable("loyalty-points");
            new OrderService(flags, loyalty).placeUnguarded("after", 2);
        }
    }

    @WithFlag(name = "loyalty-points", enabled = false)
    @WithFlag(name = "free-shipping", enabled = true)
    static class TargetsFixture {

        @FeatureEntryPoint("loyalty-points")
        LoyaltyService loyalty;

        @FeatureEntryPoint("free-shipping")
        ShippingCalculator shipping;

        LoyaltyService existing = mock(LoyaltyService.class);

        @FeatureEntryPoint("loyalty-points")
        LoyaltyService assigned = existing;

        @Test
        void interfaceIsMock() {
            assertThat(Mockito.mockingDetails(loyalty).isMock()).isTrue();
            assertThat(Mockito.mockingDetails(loyalty).isSpy()).isFalse();
        }

        @Test
        void classIsSpy() {
            assertThat(Mockito.mockingDetails(shipping).isSpy()).isTrue();
            assertThat(shipping.cost(3)).isEqualTo(6);
        }

        @Test
        void existingMockIsKept() {
            assertThat(assigned).isSameAs(existing);
        }
    }

    @WithFlag(name = "sms", enabled = false)
    static class BeforeEachFixture {

        @FeatureEntryPoint(value = "sms", methods = "send")
        Notifier notifier;

        @BeforeEach
        void replace() {
            notifier = mock(Notifier.class, "notifier");
        }

        @Test
        void previewIsNotTheEntryPoint() {
            notifier.preview("x");
        }

        @Test
        void sendIs() {
            notifier.send("x");
        }
    }

    @WithFlag(name = "loyalty-points", enabled = false)
    static class ParameterFixture {
        @Test
        void called(@FeatureEntryPoint("loyalty-points") LoyaltyService loyalty) {
            loyalty.award("c", 1);
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @WithFlag(name = "loyalty-points", enabled = true)
    static class PerClassFixture {
        static final List<Object> seen = new ArrayList<>();

        @FeatureEntryPoint("loyalty-points")
        LoyaltyService loyalty;

        @Test
        void first() {
            seen.add(loyalty);
        }

        @Test
        void second() {
            seen.add(loyalty);
        }
    }

    static class ExpectFixture {
        @FeatureEntryPoint(value = "loyalty-points", expectWhenEnabled = true)
        LoyaltyService loyalty;

        @FlagMatrix("loyalty-points")
        void neverCalls() {}
    }

    @WithFlag(name = "loyalty-points", enabled = false)
    static class RealObjectFixture {
        @FeatureEntryPoint("loyalty-points")
        LoyaltyService loyalty = new RealLoyalty();

        @Test
        void test() {}
    }

    @WithFlag(name = "pricing", enabled = false)
    static class NoConstructorFixture {
        @FeatureEntryPoint("pricing")
        Priced priced;

        @Test
        void test() {}
    }

    @WithFlag(name = "loyalty-points", enabled = false)
    static class UnknownMethodFixture {
        @FeatureEntryPoint(value = "loyalty-points", methods = "awrd")
        LoyaltyService loyalty;

        @Test
        void test() {}
    }
}
