package io.github.flagtest.junit;

import static io.github.flagtest.junit.FlagTestKit.message;
import static io.github.flagtest.junit.FlagTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.uniqueIdSubstring;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

@DisplayName("@FlagMatrix")
class FlagMatrixTests {

    @Nested
    @DisplayName("on a method")
    class OnMethod {

        @Test
        @DisplayName("runs once per combination, named [a=OFF, b=ON], baseline first")
        void allCombinations() {
            EngineExecutionResults results = run(TwoFlagsFixture.class);

            results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
            assertThat(results.testEvents().started().list())
                    .extracting(e -> e.getTestDescriptor().getDisplayName())
                    .containsExactly("[a=OFF, b=OFF]", "[a=OFF, b=ON]", "[a=ON, b=OFF]", "[a=ON, b=ON]");
        }

        @Test
        @DisplayName("takes variants, ONE_AT_A_TIME and PAIRWISE")
        void strategies() {
            EngineExecutionResults results = run(StrategiesFixture.class);

            results.testEvents()
                    .assertStatistics(stats -> stats.started(3 + 4 + 6).succeeded(13));
            assertThat(names(results))
                    .contains("[checkout=A]", "[checkout=C]")
                    .contains("[a=OFF, b=OFF, c=OFF]", "[a=OFF, b=OFF, c=ON]");
        }

        @Test
        @DisplayName("multiplies with a class-level matrix, each run named by the whole state, the class's flags first")
        void multiplies() {
            EngineExecutionResults results = run(MultipliedFixture.class);

            results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
            // Surefire's phrased XML name of a method-level run is this display name
            assertThat(names(results))
                    .containsExactly("[a=OFF, b=OFF]", "[a=OFF, b=ON]", "[a=ON, b=OFF]", "[a=ON, b=ON]");
        }

        @Test
        @DisplayName("inside a @Nested class, named with the outer class's matrix too")
        void nestedInClassMatrix() {
            EngineExecutionResults results = run(OuterMatrixWithNestedMethodMatrix.class);

            results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
            assertThat(names(results))
                    .containsExactly(
                            "[outer=OFF, inner=OFF]",
                            "[outer=OFF, inner=ON]",
                            "[outer=ON, inner=OFF]",
                            "[outer=ON, inner=ON]");
        }
    }

    @Nested
    @DisplayName("on a class")
    class OnClass {

        @Test
        @DisplayName("runs every @Test, @ParameterizedTest and @RepeatedTest under each combination")
        void classTemplate() {
            EngineExecutionResults results = run(ClassMatrixFixture.class);

            // 2 runs x (1 test + 2 parameterized + 2 repeated)
            results.testEvents().assertStatistics(stats -> stats.started(10).succeeded(10));
            results.containerEvents()
                    .assertThatEvents()
                    .haveExactly(1, event(container(displayName("[loyalty=OFF]")), finishedSuccessfully()))
                    .haveExactly(1, event(container(displayName("[loyalty=ON]")), finishedSuccessfully()));
        }

        @Test
        @DisplayName("names each run by its state; its tests keep JUnit's legacy name, the class and the run's index,"
                + " which is what Surefire reports as their class")
        void legacyNames() {
            EngineExecutionResults results = run(ClassMatrixFixture.class);

            assertThat(results.containerEvents().started().list().stream()
                            .map(Event::getTestDescriptor)
                            .filter(d ->
                                    d.getUniqueId().getLastSegment().getType().equals("class-template-invocation"))
                            .map(d -> d.getDisplayName() + " " + d.getLegacyReportingName()))
                    .containsExactly(
                            "[loyalty=OFF] " + ClassMatrixFixture.class.getName() + "[1]",
                            "[loyalty=ON] " + ClassMatrixFixture.class.getName() + "[2]");
            assertThat(results.testEvents().started().list().stream()
                            .map(e -> e.getTestDescriptor().getLegacyReportingName()))
                    .contains("plain(FakeFlags)[1]", "plain(FakeFlags)[2]");
        }

        @Test
        @DisplayName("works on @Nested classes, with the outer class's pins")
        void nested() {
            EngineExecutionResults results = run(OuterWithNestedMatrix.class);

            results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        }
    }

    @Nested
    @DisplayName("when misconfigured")
    class Misconfigured {

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {"empty", "duplicate", "badVariant", "pinned", "tooMany", "withParameterizedTest", "withTest"
                })
        @DisplayName("fails with a message that names the test and the fix")
        void misuse(String method) {
            EngineExecutionResults results = FlagTestKit.runMethod(MisuseFixture.class, method);
            List<Event> failures = results.allEvents().failed().list();

            assertThat(failures).isNotEmpty();
            assertThat(message(failures.get(0))).isEqualTo(EXPECTED.get(method));
            assertThat(failures.get(0)
                            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                            .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                            .orElseThrow())
                    .isInstanceOf(ExtensionConfigurationException.class);
        }

        @Test
        @DisplayName("fails a flag listed in both a class and a method matrix")
        void sameFlagTwice() {
            run(SameFlagTwiceFixture.class)
                    .testEvents()
                    .assertThatEvents()
                    .haveAtLeast(
                            1,
                            event(
                                    finishedWithFailure(
                                            instanceOf(ExtensionConfigurationException.class),
                                            message(
                                                    "@FlagMatrix on FlagMatrixTests.SameFlagTwiceFixture.test(): flag 'a' is also listed by "
                                                            + "the @FlagMatrix on FlagMatrixTests.SameFlagTwiceFixture; list it in one matrix only"))));
        }
    }

    @Nested
    @DisplayName("flags the code never read")
    class Unread {

        @Test
        @DisplayName("are a warning by default, printed once after all runs")
        void warns() {
            List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
            Handler handler = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    warnings.add(record.getMessage());
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
            Logger logger = Logger.getLogger("io.github.flagtest");
            logger.addHandler(handler);
            try {
                run(UnreadFixture.class).testEvents().assertStatistics(stats -> stats.succeeded(4));
            } finally {
                logger.removeHandler(handler);
            }
            assertThat(warnings)
                    .containsExactly("flagtest: @FlagMatrix on FlagMatrixTests.UnreadFixture.readsOnlyA(): "
                            + "the code under test never read [b] in any of 4 runs through FakeFlags, @FlagClient, OpenFeature or "
                            + "AppConfigEndpoint, so the matrix may prove nothing; read the flag through one of them or remove it "
                            + "from the matrix (flagtest.unread=fail makes this an error)");
        }

        @Test
        @DisplayName("are not reported for runs that failed before reading any flag (a broken set-up proves nothing)")
        void failedBeforeReading() {
            EngineExecutionResults results = run(FailsBeforeReadingFixture.class, Map.of("flagtest.unread", "fail"));

            results.testEvents().assertStatistics(stats -> stats.failed(4));
            assertThat(results.testEvents().failed().stream())
                    .map(event -> event.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                            .getThrowable()
                            .orElseThrow())
                    .allSatisfy(thrown -> {
                        assertThat(thrown).isInstanceOf(IllegalStateException.class);
                        assertThat(thrown.getSuppressed()).isEmpty(); // no "never read" failure added
                    });
        }

        @Test
        @DisplayName("fail the matrix with flagtest.unread=fail")
        void fails() {
            EngineExecutionResults results = run(UnreadFixture.class, Map.of("flagtest.unread", "fail"));

            results.testEvents().assertStatistics(stats -> stats.succeeded(3).failed(1));
            results.testEvents()
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(
                                    displayName("[a=ON, b=ON]"),
                                    finishedWithFailure(
                                            instanceOf(ExtensionConfigurationException.class),
                                            message(m -> m.contains("never read [b] in any of 4 runs")))));
        }

        @Test
        @DisplayName("fail a class matrix after all its runs with flagtest.unread=fail")
        void failsClassMatrix() {
            EngineExecutionResults results = run(UnreadClassFixture.class, Map.of("flagtest.unread", "fail"));

            results.testEvents().assertStatistics(stats -> stats.succeeded(4));
            results.containerEvents()
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(
                                    container(uniqueIdSubstring("class-template:")),
                                    finishedWithFailure(
                                            instanceOf(ExtensionConfigurationException.class),
                                            message(m -> m.startsWith(
                                                    "@FlagMatrix on FlagMatrixTests.UnreadClassFixture: the code under "
                                                            + "test never read [b] in any of 4 runs")))));
        }
    }

    static final Map<String, String> EXPECTED = Map.of(
            "empty",
            "@FlagMatrix on FlagMatrixTests.MisuseFixture.empty() lists no flag; name the flags to combine, e.g. "
                    + "@FlagMatrix({\"loyalty-points\", \"free-shipping\"})",
            "duplicate",
            "@FlagMatrix on FlagMatrixTests.MisuseFixture.duplicate(): flag 'a' is listed twice; list each flag once",
            "badVariant",
            "@FlagMatrix on FlagMatrixTests.MisuseFixture.badVariant(): entry \"checkout=A||C\" has an empty variant; "
                    + "write variants as \"checkout=A|B|C\"",
            "pinned",
            "@FlagMatrix on FlagMatrixTests.MisuseFixture.pinned(): flag 'a' is also pinned by @WithFlag on "
                    + "FlagMatrixTests.MisuseFixture.pinned(); remove it from the matrix or remove the @WithFlag",
            "tooMany",
            "@FlagMatrix on FlagMatrixTests.MisuseFixture.tooMany() lists 11 flags: ALL_COMBINATIONS would run the test "
                    + "2048+ times (at most 10 flags); use strategy = PAIRWISE, which covers every pair of flags in 7 runs "
                    + "for on/off flags",
            "withParameterizedTest",
            "@FlagMatrix on FlagMatrixTests.MisuseFixture.withParameterizedTest() cannot be combined with "
                    + "@ParameterizedTest on the same method; put @FlagMatrix on the class instead, which runs every "
                    + "@ParameterizedTest under each combination",
            "withTest",
            "@FlagMatrix on FlagMatrixTests.MisuseFixture.withTest() cannot be combined with @Test on the same method; "
                    + "remove @Test: @FlagMatrix alone makes the method a test");

    private static List<String> names(EngineExecutionResults results) {
        return results.testEvents().started().list().stream()
                .map(e -> e.getTestDescriptor().getDisplayName())
                .toList();
    }

    // ---- fixtures -------------------------------------------------------------------------

    static class TwoFlagsFixture {
        @FlagMatrix({"a", "b"})
        void matrix(FlagState state, FakeFlags flags) {
            assertThat(flags.isEnabled("a")).isEqualTo(state.isOn("a"));
            assertThat(flags.isEnabled("b")).isEqualTo(state.isOn("b"));
        }
    }

    static class StrategiesFixture {
        @FlagMatrix("checkout=A|B|C")
        void variants(FakeFlags flags) {
            assertThat(flags.value("checkout", String.class, "none")).isIn("A", "B", "C");
        }

        @FlagMatrix(
                value = {"a", "b", "c"},
                strategy = FlagMatrix.Strategy.ONE_AT_A_TIME)
        void oneAtATime(FlagState state) {
            assertThat(state.asMap().values().stream()
                            .filter(Boolean.TRUE::equals)
                            .count())
                    .isLessThanOrEqualTo(1);
        }

        @FlagMatrix(
                value = {"a", "b", "c", "d", "e"},
                strategy = FlagMatrix.Strategy.PAIRWISE)
        void pairwise(FlagState state) {
            assertThat(state.flags()).hasSize(5);
        }
    }

    @FlagMatrix("a")
    static class MultipliedFixture {
        @FlagMatrix("b")
        void both(FlagState state) {
            assertThat(state.flags()).containsExactly("a", "b");
        }
    }

    @FlagMatrix("outer")
    static class OuterMatrixWithNestedMethodMatrix {
        @Nested
        class Inner {
            @FlagMatrix("inner")
            void both(FlagState state) {
                assertThat(state.flags()).containsExactly("outer", "inner");
            }
        }
    }

    @FlagMatrix("loyalty")
    static class ClassMatrixFixture {
        @Test
        void plain(FakeFlags flags) {
            flags.isEnabled("loyalty");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void parameterized(int value, FlagState state) {
            assertThat(value).isPositive();
            assertThat(state.flags()).containsExactly("loyalty");
        }

        @RepeatedTest(2)
        void repeated(FakeFlags flags) {
            assertThat(flags.state().flags()).containsExactly("loyalty");
        }
    }

    @WithFlag(name = "outer")
    static class OuterWithNestedMatrix {
        @Nested
        @FlagMatrix("inner")
        class Inner {
            @Test
            void test(FlagState state) {
                assertThat(state.isOn("outer")).isTrue();
                assertThat(state.flags()).containsExactly("outer", "inner");
            }
        }
    }

    static class MisuseFixture {
        @FlagMatrix({})
        void empty() {}

        @FlagMatrix({"a", "a"})
        void duplicate() {}

        @FlagMatrix("checkout=A||C")
        void badVariant() {}

        @FlagMatrix("a")
        @WithFlag(name = "a")
        void pinned() {}

        @FlagMatrix({"f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11"})
        void tooMany() {}

        @FlagMatrix("a")
        @ParameterizedTest
        @ValueSource(ints = 1)
        void withParameterizedTest(int value) {}

        @FlagMatrix("a")
        @Test
        void withTest() {}
    }

    @FlagMatrix("a")
    static class SameFlagTwiceFixture {
        @FlagMatrix("a")
        void test() {}
    }

    @FlagMatrix({"a", "b"})
    static class UnreadClassFixture {
        @Test
        void readsOnlyA(FakeFlags flags) {
            flags.isEnabled("a");
        }
    }

    static class FailsBeforeReadingFixture {
        @FlagMatrix({"a", "b"})
        void setUpBreaks() {
            throw new IllegalStateException("set-up broke before any flag was read");
        }
    }

    static class UnreadFixture {
        @FlagMatrix({"a", "b"})
        void readsOnlyA(FakeFlags flags) {
            flags.isEnabled("a");
        }
    }
}
