package io.github.flagtest.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.core.FlagTestException;
import io.github.flagtest.e2e.LambdaE2E;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.FlagClient;
import io.github.flagtest.junit.FlagExtension;
import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.junit.FlagTest;
import io.github.flagtest.junit.WithFlag;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Every wrong use a team is likely to make, each with the error type it gets and the part of the
 * message that names the fix. The README's troubleshooting table lists the same cases.
 */
@DisplayName("misuse catalogue")
class MisuseCatalogueTest {

    static Stream<Arguments> misuses() {
        return Stream.of(
                junit(
                        "two @WithFlag, one flag, two values",
                        ConflictingPins.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "keep one of them"),
                junit(
                        "a variant pinned OFF",
                        VariantOff.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "drop enabled = false, or drop value"),
                junit(
                        "a blank flag name",
                        BlankName.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "name the flag"),
                junit(
                        "a name missing from the catalog",
                        Typo.class,
                        Map.of("flagtest.catalog", "flags/catalog.json"),
                        ExtensionConfigurationException.class,
                        "did you mean 'loyalty-points'?"),
                junit(
                        "an empty @FlagMatrix",
                        EmptyMatrix.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "name the flags to combine"),
                junit(
                        "a flag listed twice in a matrix",
                        DuplicateMatrix.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "list each flag once"),
                junit(
                        "an empty variant",
                        EmptyVariant.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "write variants as \"checkout=A|B|C\""),
                junit(
                        "a matrix entry without a name",
                        NamelessEntry.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "write \"name\" or \"name=A|B\""),
                junit(
                        "a matrix flag also pinned",
                        PinnedMatrixFlag.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "remove it from the matrix or remove the @WithFlag"),
                junit(
                        "@FlagMatrix with @ParameterizedTest on one method",
                        MatrixAndParameterized.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "put @FlagMatrix on the class instead"),
                junit(
                        "@FlagMatrix with @Test on one method",
                        MatrixAndTest.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "remove @Test"),
                junit(
                        "ALL_COMBINATIONS over 11 flags",
                        TooManyFlags.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "use strategy = PAIRWISE"),
                junit(
                        "one flag in a class and a method matrix",
                        MatrixTwice.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "list it in one matrix only"),
                junit(
                        "@FeatureEntryPoint on a real object",
                        RealEntryPoint.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "leave it null (flagtest creates a mock or spy) or assign mock(...) or spy(...)"),
                junit(
                        "@FeatureEntryPoint on a class without a no-arg constructor",
                        NoNoArgConstructor.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "assign one yourself"),
                junit(
                        "@FeatureEntryPoint(methods) naming no method",
                        UnknownMethod.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "use one of [run]"),
                junit(
                        "@FeatureEntryPoint on a static field",
                        StaticEntryPoint.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "make it a non-final instance field"),
                junit(
                        "@FeatureEntryPoint on a class without type",
                        TypeMissing.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "name the entry point's type, e.g. @FeatureEntryPoint(value = \"a\", type = LoyaltyLedger.class)"),
                junit(
                        "@FeatureEntryPoint(type) on a field",
                        TypeOnField.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "the declared type is the entry point, so remove type"),
                junit(
                        "@FeatureEntryPoint(type) naming a JDK type",
                        JdkType.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "Name your class that calls it instead"),
                junit(
                        "@FeatureEntryPoint(type) naming a native method",
                        NativeMethod.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "name the Java method that calls it"),
                junit(
                        "@FeatureEntryPoint(type) on a type that is also an entry-point field",
                        TypeAndField.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "keep one of them"),
                junit(
                        "@FlagClient on a field that is already set",
                        AssignedClient.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "leave it null"),
                junit(
                        "@FlagClient on a type Mockito cannot mock",
                        UnmockableClient.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "use a mockable type"),
                junit(
                        "a FakeFlags constructor parameter",
                        ConstructorParameter.class,
                        Map.of(),
                        ParameterResolutionException.class,
                        "ask for it in a test, @BeforeEach or @AfterEach method"),
                junit(
                        "flagtest.undeclared with a wrong value",
                        Plain.class,
                        Map.of("flagtest.undeclared", "loud"),
                        ExtensionConfigurationException.class,
                        "use off, warn or fail"),
                junit(
                        "flagtest.unread=off",
                        Plain.class,
                        Map.of("flagtest.unread", "off"),
                        ExtensionConfigurationException.class,
                        "use warn or fail"),
                junit(
                        "flagtest.report with a wrong value",
                        Plain.class,
                        Map.of("flagtest.report", "maybe"),
                        ExtensionConfigurationException.class,
                        "use true or false"),
                junit(
                        "a flagtest.profile that does not exist",
                        Plain.class,
                        Map.of("flagtest.profile", "flags/nope.json"),
                        ExtensionConfigurationException.class,
                        "fix the path or add the document to src/test/resources"),
                junit(
                        "a malformed flagtest.catalog",
                        Plain.class,
                        Map.of("flagtest.catalog", "flags/malformed.json"),
                        ExtensionConfigurationException.class,
                        "classpath:flags/malformed.json: malformed JSON at line 2"),
                junit(
                        "an undeclared read with flagtest.undeclared=fail",
                        UndeclaredRead.class,
                        Map.of("flagtest.undeclared", "fail"),
                        org.opentest4j.AssertionFailedError.class,
                        "declare them with @WithFlag(name = \"surprise\", enabled = false)"),
                junit(
                        "an E2E handler that is not Class::method",
                        BadHandler.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "the handler must be \"pkg.Class::method\""),
                junit(
                        "an E2E handler naming no class",
                        MissingHandler.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "check the package and class name"),
                junit(
                        "a malformed E2E flag document",
                        MalformedE2EFlags.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "malformed JSON at line 2, column 1: Unexpected end-of-input"),
                junit(
                        "an E2E environment entry without '='",
                        BadEnvironment.class,
                        Map.of(),
                        ExtensionConfigurationException.class,
                        "each entry must be KEY=value"),
                junit(
                        "an unknown E2E backend",
                        BadEnvironmentFree.class,
                        Map.of("flagtest.e2e.backend", "kubernetes"),
                        ExtensionConfigurationException.class,
                        "use auto, embedded, localstack, floci, endpoint or aws"),
                junit(
                        "the aws backend without a role",
                        BadEnvironmentFree.class,
                        Map.of("flagtest.e2e.backend", "aws"),
                        ExtensionConfigurationException.class,
                        "the ARN of an IAM role"),
                direct(
                        "FlagTest.currentFlags() outside a test",
                        () -> catchThrowable(FlagTest::currentFlags),
                        FlagTestException.class,
                        "wrap tasks for other threads with FlagTest.propagate(...)"),
                direct(
                        "a flag value that is neither Boolean nor String",
                        () -> catchThrowable(() -> FlagState.of(Map.of("n", 3))),
                        FlagTestException.class,
                        "use a Boolean for an on/off flag, a String for a variant or Variants for a multi-variant flag"),
                direct(
                        "a variant read as a number",
                        () -> catchThrowable(
                                () -> new FakeFlags(FlagState.of(Map.of("t", "gold"))).value("t", Integer.class, 0)),
                        FlagTestException.class,
                        "read it as Boolean or String, or give it a numeric variant"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misuses")
    void failsClearly(String misuse, Supplier<Throwable> attempt, Class<? extends Throwable> type, String fix) {
        Throwable thrown = attempt.get();

        assertThat(thrown).as(misuse).isInstanceOf(type);
        assertThat(thrown.getMessage()).as(misuse).contains(fix);
    }

    @Test
    @DisplayName("lists at least 25 distinct misuses")
    void atLeast25() {
        assertThat(misuses().count()).isGreaterThanOrEqualTo(25);
    }

    private static Arguments junit(
            String misuse, Class<?> fixture, Map<String, String> config, Class<? extends Throwable> type, String fix) {
        return Arguments.of(misuse, (Supplier<Throwable>) () -> firstFailure(fixture, config), type, fix);
    }

    private static Arguments direct(
            String misuse, Supplier<Throwable> attempt, Class<? extends Throwable> type, String fix) {
        return Arguments.of(misuse, attempt, type, fix);
    }

    static Throwable firstFailure(Class<?> fixture, Map<String, String> config) {
        Map<String, String> parameters =
                new HashMap<>(Map.of("flagtest.report", "false", "flagtest.e2e.backend", "embedded"));
        parameters.putAll(config);
        List<Event> failed = EngineTestKit.engine("junit-jupiter")
                .configurationParameters(parameters)
                .selectors(selectClass(fixture))
                .execute()
                .allEvents()
                .failed()
                .list();
        assertThat(failed)
                .as("the fixture " + fixture.getSimpleName() + " must fail")
                .isNotEmpty();
        Throwable thrown = failed.get(0)
                .getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow();
        // container failures (class templates) may wrap the cause
        return thrown.getCause() instanceof ExtensionConfigurationException cause
                        && !(thrown instanceof ExtensionConfigurationException)
                ? cause
                : thrown;
    }

    // ---- fixtures: one wrong use each -------------------------------------------------------

    static class ConflictingPins {
        @Test
        @WithFlag(name = "a", enabled = true)
        @WithFlag(name = "a", enabled = false)
        void test() {}
    }

    static class VariantOff {
        @Test
        @WithFlag(name = "checkout", value = "B", enabled = false)
        void test() {}
    }

    static class BlankName {
        @Test
        @WithFlag(name = " ")
        void test() {}
    }

    static class Typo {
        @Test
        @WithFlag(name = "loyalty-point")
        void test() {}
    }

    static class EmptyMatrix {
        @FlagMatrix({})
        void test() {}
    }

    static class DuplicateMatrix {
        @FlagMatrix({"a", "a"})
        void test() {}
    }

    static class EmptyVariant {
        @FlagMatrix("checkout=A||C")
        void test() {}
    }

    static class NamelessEntry {
        @FlagMatrix("=A|B")
        void test() {}
    }

    static class PinnedMatrixFlag {
        @FlagMatrix("a")
        @WithFlag(name = "a")
        void test() {}
    }

    static class MatrixAndParameterized {
        @FlagMatrix("a")
        @ParameterizedTest
        @ValueSource(ints = 1)
        void test(int value) {}
    }

    static class MatrixAndTest {
        @FlagMatrix("a")
        @Test
        void test() {}
    }

    static class TooManyFlags {
        @FlagMatrix({"f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11"})
        void test() {}
    }

    @FlagMatrix("a")
    static class MatrixTwice {
        @FlagMatrix("a")
        void test() {}
    }

    public static class RealRunnable implements Runnable {
        @Override
        public void run() {}
    }

    @WithFlag(name = "a")
    static class RealEntryPoint {
        @FeatureEntryPoint("a")
        Runnable entry = new RealRunnable();

        @Test
        void test() {}
    }

    public static class Priced {
        public Priced(int cents) {}
    }

    @WithFlag(name = "a")
    static class NoNoArgConstructor {
        @FeatureEntryPoint("a")
        Priced priced;

        @Test
        void test() {}
    }

    @WithFlag(name = "a")
    static class UnknownMethod {
        @FeatureEntryPoint(value = "a", methods = "runn")
        Runnable entry;

        @Test
        void test() {}
    }

    @WithFlag(name = "a")
    @FeatureEntryPoint("a")
    static class TypeMissing {
        @Test
        void test() {}
    }

    @WithFlag(name = "a")
    static class TypeOnField {
        @FeatureEntryPoint(value = "a", type = RealRunnable.class)
        Runnable entry;

        @Test
        void test() {}
    }

    @WithFlag(name = "a")
    @FeatureEntryPoint(value = "a", type = Thread.class, methods = "start")
    static class JdkType {
        @Test
        void test() {}
    }

    public static class Native {
        public native int checksum();
    }

    @WithFlag(name = "a")
    @FeatureEntryPoint(value = "a", type = Native.class, methods = "checksum")
    static class NativeMethod {
        @Test
        void test() {}
    }

    @WithFlag(name = "a")
    @FeatureEntryPoint(value = "a", type = RealRunnable.class)
    static class TypeAndField {
        @FeatureEntryPoint("a")
        RealRunnable entry;

        @Test
        void test() {}
    }

    @WithFlag(name = "a")
    static class StaticEntryPoint {
        @FeatureEntryPoint("a")
        static Runnable entry;

        @Test
        void test() {}
    }

    public interface Features {
        boolean isOn(String flag);
    }

    @WithFlag(name = "a")
    static class AssignedClient {
        @FlagClient
        Features features = flag -> true;

        @Test
        void test() {}
    }

    @WithFlag(name = "a")
    static class UnmockableClient {
        @FlagClient
        String client;

        @Test
        void test() {}
    }

    @ExtendWith(FlagExtension.class)
    static class ConstructorParameter {
        ConstructorParameter(FakeFlags flags) {}

        @Test
        void test() {}
    }

    @WithFlag(name = "loyalty-points")
    static class Plain {
        @Test
        void test() {}
    }

    @WithFlag(name = "declared")
    static class UndeclaredRead {
        @Test
        void test(FakeFlags flags) {
            flags.isEnabled("surprise");
        }
    }

    @LambdaE2E(handler = "Handler.handleRequest")
    static class BadHandler {
        @Test
        void test() {}
    }

    @LambdaE2E(handler = "com.example.Missing::handleRequest")
    static class MissingHandler {
        @Test
        void test() {}
    }

    @LambdaE2E(
            handler = "io.github.flagtest.reliability.MisuseCatalogueTest$RealRunnable::run",
            flags = "flags/malformed.json")
    static class MalformedE2EFlags {
        @Test
        void test() {}
    }

    @LambdaE2E(
            handler = "io.github.flagtest.reliability.MisuseCatalogueTest$RealRunnable::run",
            environment = "NO_VALUE")
    static class BadEnvironment {
        @Test
        void test() {}
    }

    @LambdaE2E(handler = "io.github.flagtest.reliability.MisuseCatalogueTest$RealRunnable::run")
    static class BadEnvironmentFree {
        @Test
        void test() {}
    }
}
