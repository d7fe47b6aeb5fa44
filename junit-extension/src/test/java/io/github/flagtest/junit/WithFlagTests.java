package io.github.flagtest.junit;

import static io.github.flagtest.junit.FlagTestKit.message;
import static io.github.flagtest.junit.FlagTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.core.FlagTestException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@DisplayName("@WithFlag")
class WithFlagTests {

    @Nested
    @DisplayName("when configured correctly")
    class Correct {

        @Test
        @DisplayName("pins flags on methods and classes; the method wins and unmentioned flags are OFF")
        void methodAndClass() {
            EngineExecutionResults results = run(PinnedFixture.class);

            results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        }

        @Test
        @DisplayName("applies the innermost @Nested class first, then outer classes")
        void nestedClasses() {
            EngineExecutionResults results = run(OuterFixture.class);

            results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        }

        @Test
        @DisplayName("works through a team's composed annotation and for variants")
        void composedAndVariant() {
            run(ComposedFixture.class)
                    .testEvents()
                    .assertStatistics(stats -> stats.started(1).succeeded(1));
        }

        @Test
        @DisplayName("takes the profile's values for unmentioned flags, over the catalog's defaults")
        void profileAndCatalog() {
            EngineExecutionResults results = run(
                    ProfileFixture.class,
                    Map.of("flagtest.catalog", "flags/catalog.json", "flagtest.profile", "flags/staging.json"));

            results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        }

        @Test
        @DisplayName("shares one FakeFlags between the parameter, FlagTest.currentFlags() and threads it starts")
        void sharedFakeFlags() {
            run(SharedFixture.class)
                    .testEvents()
                    .assertStatistics(stats -> stats.started(2).succeeded(2));
        }
    }

    @Nested
    @DisplayName("when misconfigured")
    class Misconfigured {

        @Test
        @DisplayName("fails two different values for one flag at one level, naming the test and the fix")
        void conflictingPins() {
            run(ConflictFixture.class)
                    .testEvents()
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(
                                    test("conflict"),
                                    finishedWithFailure(
                                            instanceOf(ExtensionConfigurationException.class),
                                            message(
                                                    "@WithFlag on WithFlagTests.ConflictFixture.conflict(): flag 'a' is pinned twice "
                                                            + "with different values (ON and OFF); keep one of them"))));
        }

        @Test
        @DisplayName("fails each test of a class whose own pins conflict, each with its own exception")
        void conflictingClassPins() {
            List<Throwable> failures = run(ClassConflictFixture.class).testEvents().failed().stream()
                    .map(event -> event.getRequiredPayload(TestExecutionResult.class)
                            .getThrowable()
                            .orElseThrow())
                    .toList();

            assertThat(failures)
                    .hasSize(2)
                    .allSatisfy(failure -> assertThat(failure)
                            .isInstanceOf(ExtensionConfigurationException.class)
                            .hasMessage("@WithFlag on WithFlagTests.ClassConflictFixture: flag 'a' is pinned twice "
                                    + "with different values (ON and OFF); keep one of them"));
            assertThat(failures.get(0)).isNotSameAs(failures.get(1));
        }

        @Test
        @DisplayName("fails a variant pinned OFF")
        void variantOff() {
            String failure = message(
                    run(VariantOffFixture.class).testEvents().failed().list().get(0));

            assertThat(failure)
                    .contains("a variant is always ON; drop enabled = false, or drop value to pin the flag OFF");
        }

        @Test
        @DisplayName("fails a name missing from the catalog with a suggestion")
        void unknownName() {
            EngineExecutionResults results = run(TypoFixture.class, Map.of("flagtest.catalog", "flags/catalog.json"));

            assertThat(message(results.testEvents().failed().list().get(0)))
                    .isEqualTo(
                            "@WithFlag on WithFlagTests.TypoFixture.typo(): flag 'loyalty-point' is not in the catalog "
                                    + "classpath:flags/catalog.json; did you mean 'loyalty-points'? fix the name or add the flag to the catalog");
        }

        @Test
        @DisplayName("fails a missing profile document, naming both places it looked")
        void missingProfile() {
            EngineExecutionResults results = run(PinnedFixture.class, Map.of("flagtest.profile", "flags/nope.json"));

            results.testEvents().assertStatistics(stats -> stats.failed(3));
            assertThat(message(results.testEvents().failed().list().get(0)))
                    .startsWith("flagtest.profile=flags/nope.json: no such flag document on the test class path "
                            + "(classpath:flags/nope.json) nor as a file (")
                    .endsWith("); fix the path or add the document to src/test/resources");
        }

        @Test
        @DisplayName("fails a malformed profile document with the JSON path")
        void malformedProfile() {
            EngineExecutionResults results = run(PinnedFixture.class, Map.of("flagtest.profile", "flags/broken.json"));

            assertThat(message(results.testEvents().failed().list().get(0)))
                    .isEqualTo(
                            "flagtest.profile=flags/broken.json: classpath:flags/broken.json: $.values.checkout.enabled: "
                                    + "string found, boolean expected; AppConfig would refuse this document");
        }

        @Test
        @DisplayName("fails an invalid configuration value, listing the allowed ones")
        void badConfiguration() {
            EngineExecutionResults results = run(PinnedFixture.class, Map.of("flagtest.undeclared", "loud"));

            assertThat(message(results.testEvents().failed().list().get(0)))
                    .isEqualTo("Configuration parameter flagtest.undeclared=loud is not valid; use off, warn or fail");
        }

        @Test
        @DisplayName("explains FlagTest.currentFlags() outside a test")
        void currentFlagsOutside() {
            org.assertj.core.api.Assertions.assertThatThrownBy(FlagTest::currentFlags)
                    .isInstanceOf(FlagTestException.class)
                    .hasMessageContaining("runs no flagtest test")
                    .hasMessageContaining("FlagTest.propagate(...)");
        }

        @Test
        @DisplayName("explains a FakeFlags constructor parameter")
        void constructorParameter() {
            assertThat(message(run(ConstructorFixture.class)
                            .testEvents()
                            .failed()
                            .list()
                            .get(0)))
                    .contains("FakeFlags parameter 'flags'")
                    .contains("flagtest gives one per test; ask for it in a test, @BeforeEach or @AfterEach method");
        }
    }

    // ---- fixtures -------------------------------------------------------------------------

    @WithFlag(name = "a", enabled = true)
    @WithFlag(name = "b", enabled = true)
    static class PinnedFixture {

        @Test
        void classPins(FlagState state) {
            assertThat(state.asMap()).containsExactly(Map.entry("a", true), Map.entry("b", true));
        }

        @Test
        @WithFlag(name = "b", enabled = false)
        void methodWins(FakeFlags flags) {
            assertThat(flags.isEnabled("a")).isTrue();
            assertThat(flags.isEnabled("b")).isFalse();
        }

        @Test
        void unmentionedIsOff(FakeFlags flags) {
            assertThat(flags.isEnabled("c")).isFalse();
            assertThat(flags.undeclaredReads()).containsExactly("c");
        }
    }

    @WithFlag(name = "outer", enabled = true)
    @WithFlag(name = "shared", value = "outer")
    static class OuterFixture {

        @Test
        void outerOnly(FlagState state) {
            assertThat(state).hasToString("[outer=ON, shared=outer]");
        }

        @Nested
        @WithFlag(name = "shared", value = "inner")
        class Inner {
            @Test
            void innerWins(FlagState state) {
                assertThat(state).hasToString("[outer=ON, shared=inner]");
            }
        }
    }

    @Retention(RetentionPolicy.RUNTIME)
    @WithFlag(name = "loyalty-points", enabled = true)
    @interface LoyaltyOn {}

    static class ComposedFixture {

        @Test
        @LoyaltyOn
        @WithFlag(name = "checkout", value = "B")
        void composed(FakeFlags flags) {
            assertThat(flags.isEnabled("loyalty-points")).isTrue();
            assertThat(flags.value("checkout", String.class, "A")).isEqualTo("B");
            assertThat(flags.isEnabled("checkout")).isTrue();
        }
    }

    static class ProfileFixture {

        @Test
        @WithFlag(name = "free-shipping", enabled = false)
        void profile(FlagState state) {
            // catalog: loyalty-points=OFF, free-shipping=OFF, checkout=A; staging: loyalty-points=ON, checkout=B
            assertThat(state.isOn("loyalty-points")).isTrue();
            assertThat(state.value("checkout")).contains("B");
            assertThat(state.isOn("free-shipping")).isFalse();
            assertThat(state.flags()).contains("old-banner");
        }
    }

    @ExtendWith(FlagExtension.class)
    static class SharedFixture {

        private FakeFlags fromBeforeEach;

        @BeforeEach
        void before(FakeFlags flags) {
            fromBeforeEach = flags;
        }

        @Test
        void sameObjectEverywhere(FakeFlags flags) throws Exception {
            assertThat(flags).isSameAs(FlagTest.currentFlags()).isSameAs(fromBeforeEach);
            Thread child = new Thread(() -> FlagTest.currentFlags().enable("from-child"));
            child.start();
            child.join();
            assertThat(flags.isEnabled("from-child")).isTrue();
        }

        @Test
        void propagatesToPools(FakeFlags flags) throws Exception {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                pool.submit(() -> {}).get(); // the pool thread exists before the test binds anything to it
                assertThat(pool.submit(FlagTest.propagate(FlagTest::currentFlags))
                                .get())
                        .isSameAs(flags);
                FlagTest.propagate(pool).execute(() -> FlagTest.currentFlags().enable("via-executor"));
            } finally {
                pool.shutdown();
                assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(flags.state().isOn("via-executor")).isTrue();
        }
    }

    static class ConflictFixture {
        @Test
        @WithFlag(name = "a", enabled = true)
        @WithFlag(name = "a", enabled = false)
        void conflict() {}
    }

    @WithFlag(name = "a", enabled = true)
    @WithFlag(name = "a", enabled = false)
    static class ClassConflictFixture {
        @Test
        void first() {}

        @Test
        void second() {}
    }

    static class VariantOffFixture {
        @Test
        @WithFlag(name = "checkout", value = "B", enabled = false)
        void variantOff() {}
    }

    static class TypoFixture {
        @Test
        @WithFlag(name = "loyalty-point")
        void typo() {}
    }

    @ExtendWith(FlagExtension.class)
    static class ConstructorFixture {
        ConstructorFixture(FakeFlags flags) {}

        @Test
        void test() {}
    }
}
