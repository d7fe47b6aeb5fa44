package io.github.flagtest.junit;

import static io.github.flagtest.junit.FlagTestKit.message;
import static io.github.flagtest.junit.FlagTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.core.FakeFlags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

@DisplayName("@FeatureEntryPoint with a type (on a test class or method)")
class TypeEntryPointTests {

    @Nested
    @DisplayName("sees calls the code under test makes on objects it builds itself")
    class ConstructedInside {

        @Test
        @DisplayName("fails a call while the flag is OFF, with arguments, file:line and thread")
        void failsWithCall() {
            EngineExecutionResults results = FlagTestKit.runMethod(HandlerFixture.class, "offUnguarded");

            results.testEvents().assertStatistics(s -> s.failed(1));
            assertThat(message(results.testEvents().failed().list().get(0)))
                    .startsWith("@FeatureEntryPoint(\"loyalty-points\") on class TypeEntryPointTests.HandlerFixture, "
                            + "type Ledger: expected no call while 'loyalty-points' was OFF, but there was 1:\n"
                            + "  1. Ledger.award(\"c-1\", 120) at ")
                    .containsPattern(Pattern.compile("at io\\.github\\.flagtest\\.junit\\.TypeEntryPointTests\\$Handler"
                            + "\\.unguarded\\(TypeEntryPointTests\\.java:\\d+\\) in thread \"[^\"]+\" "
                            + "while loyalty-points=OFF"))
                    .contains("Flags this run started with: [loyalty-points=OFF]");
        }

        @Test
        @DisplayName("passes when the code checks the flag; with the flag ON the call is allowed")
        void guardedPasses() {
            FlagTestKit.runMethod(HandlerFixture.class, "offGuarded")
                    .testEvents()
                    .assertStatistics(s -> s.succeeded(1));
            FlagTestKit.runMethod(HandlerFixture.class, "onUnguarded")
                    .testEvents()
                    .assertStatistics(s -> s.succeeded(1));
        }

        @Test
        @DisplayName("real constructors and methods run: the code gets its real results")
        void behaviourUnchanged() {
            FlagTestKit.runMethod(HandlerFixture.class, "realResults")
                    .testEvents()
                    .assertStatistics(s -> s.succeeded(1));
        }

        @Test
        @DisplayName("counts instances of subclasses")
        void subclasses() {
            EngineExecutionResults results = FlagTestKit.runMethod(HandlerFixture.class, "subclassCalled");

            assertThat(message(results.testEvents().failed().list().get(0)))
                    .contains("1. Ledger.award(\"premium\", 5) at ");
        }

        @Test
        @DisplayName("sees final classes and final methods, and implementations of an interface type")
        void finalAndInterface() {
            EngineExecutionResults results = run(FinalAndInterfaceFixture.class);

            results.testEvents().assertStatistics(s -> s.started(2).failed(2));
            assertThat(results.testEvents().failed().stream().map(FlagTestKit::message))
                    .anySatisfy(m -> assertThat(m).contains("1. Stamp.stamp(\"final\") at "))
                    .anySatisfy(m -> assertThat(m).contains("1. Notifier.send(\"impl\") at "));
        }

        @Test
        @DisplayName("counts a call through a generated proxy (a $$ class, as Spring's CGLIB makes) once")
        void proxies() {
            EngineExecutionResults results = FlagTestKit.runMethod(HandlerFixture.class, "throughAProxy");

            assertThat(message(results.testEvents().failed().list().get(0)))
                    .contains("but there was 1:")
                    .contains("1. Ledger.award(\"proxied\", 3) at ");
        }

        @Test
        @DisplayName("names the application's caller behind generated proxies (Spring CGLIB, Quarkus _ClientProxy, "
                + "Micronaut $Intercepted), counting the call once")
        void callerBehindProxies() {
            EngineExecutionResults results = FlagTestKit.runMethod(HandlerFixture.class, "throughFrameworkProxies");

            assertThat(message(results.testEvents().failed().list().get(0)))
                    .contains("but there was 1:")
                    .containsPattern("1\\. Ledger\\.award\\(\"bean\", 4\\) at io\\.github\\.flagtest\\.junit\\."
                            + "TypeEntryPointTests\\$Bean\\.place\\(TypeEntryPointTests\\.java:\\d+\\)");
        }

        @Test
        @DisplayName("flagtest.callsite.skip applies to entry-point callers: a team's bridge is skipped")
        void callSiteSkipAppliesToCallers() {
            EngineExecutionResults results = FlagTestKit.run(
                    ViaBridgeFixture.class,
                    Map.of("flagtest.callsite.skip", TypeEntryPointTests.class.getName() + "$Bridge"));

            assertThat(message(results.testEvents().failed().list().get(0)))
                    .containsPattern(
                            "1\\. Ledger\\.award\\(\"bridged\", 1\\) at io\\.github\\.flagtest\\.junit\\."
                                    + "TypeEntryPointTests\\$ViaBridgeFixture\\.viaBridge\\(TypeEntryPointTests\\.java:\\d+\\)");
        }

        @Test
        @DisplayName("a mock of the interface beside the implementation type: each object's calls counted once")
        void mockOfTheInterfaceBeside() {
            EngineExecutionResults results = run(InterfaceMockBesideFixture.class);

            results.testEvents().assertStatistics(s -> s.started(1).failed(1));
            assertThat(message(results.testEvents().failed().list().get(0)))
                    .contains("@FeatureEntryPoint(\"loyalty-points\") on field "
                            + "TypeEntryPointTests.InterfaceMockBesideFixture.notifier: expected no call while "
                            + "'loyalty-points' was OFF, but there was 1:")
                    .contains("1. notifier.send(\"mock\") at ");
            assertThat(results.testEvents()
                            .failed()
                            .list()
                            .get(0)
                            .getPayload(org.junit.platform.engine.TestExecutionResult.class)
                            .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                            .orElseThrow()
                            .getSuppressed())
                    .singleElement()
                    .satisfies(type -> assertThat(type.getMessage())
                            .contains(
                                    "type SmsNotifier: expected no call while 'loyalty-points' was OFF, but there was 1:")
                            .contains("1. SmsNotifier.send(\"real\") at "));
        }

        @Test
        @DisplayName("counts only the named methods")
        void onlyNamedMethods() {
            FlagTestKit.runMethod(HandlerFixture.class, "otherMethodCalled")
                    .testEvents()
                    .assertStatistics(s -> s.succeeded(1));
        }
    }

    @Nested
    @DisplayName("sees static methods and other threads")
    class StaticAndThreads {

        @Test
        @DisplayName("a static method called while OFF fails the test")
        void staticMethod() {
            EngineExecutionResults results = FlagTestKit.runMethod(StaticFixture.class, "staticCalled");

            assertThat(message(results.testEvents().failed().list().get(0)))
                    .contains("on method TypeEntryPointTests.StaticFixture.staticCalled(), type Ledger")
                    .contains("1. Ledger.audit(\"c-9\") at ");
        }

        @Test
        @DisplayName("a call from a thread the code starts is attributed to the test, naming the thread")
        void otherThread() {
            EngineExecutionResults results = FlagTestKit.runMethod(StaticFixture.class, "fromWorkerThread");

            assertThat(message(results.testEvents().failed().list().get(0)))
                    .contains("Ledger.award(\"async\", 1) at ")
                    .contains("in thread \"ledger-worker\" while loyalty-points=OFF");
        }

        @Test
        @DisplayName("each call is judged by the state at its time: a call after the kill switch fails")
        void killSwitch() {
            EngineExecutionResults results = FlagTestKit.runMethod(StaticFixture.class, "killSwitch");

            assertThat(message(results.testEvents().failed().list().get(0)))
                    .contains("but there was 1:")
                    .contains("Ledger.award(\"after\", 2)")
                    .doesNotContain("\"before\"");
        }

        @Test
        @DisplayName("FlagTest.entryPointCalls sees the calls during the test")
        void visibleToAssertions() {
            FlagTestKit.runMethod(StaticFixture.class, "callsVisible")
                    .testEvents()
                    .assertStatistics(s -> s.succeeded(1));
        }
    }

    @Nested
    @DisplayName("is judged as field entry points are")
    class Judged {

        @Test
        @DisplayName("expectWhenEnabled fails an ON run without a call")
        void expectWhenEnabled() {
            EngineExecutionResults results = run(ExpectFixture.class);

            results.testEvents().assertStatistics(s -> s.started(1).failed(1));
            assertThat(message(results.testEvents().failed().list().get(0)))
                    .contains("expected at least one call while 'loyalty-points' was ON (expectWhenEnabled = true)");
        }

        @Test
        @DisplayName("is repeatable, and works in a @FlagMatrix: only the runs with the flag OFF fail")
        void repeatableAndMatrix() {
            EngineExecutionResults results = run(MatrixFixture.class);

            results.testEvents().assertStatistics(s -> s.started(4).succeeded(1).failed(3));
            List<String> failures = results.testEvents().failed().stream()
                    .map(FlagTestKit::message)
                    .toList();
            assertThat(failures)
                    .anySatisfy(m -> assertThat(m).contains("@FeatureEntryPoint(\"loyalty-points\")"))
                    .anySatisfy(m -> assertThat(m).contains("@FeatureEntryPoint(\"audit-log\")"));
        }

        @Test
        @DisplayName("calls are attributed to the test whose thread made them when tests run in parallel")
        void parallel() {
            EngineExecutionResults results = run(
                    ParallelFixture.class,
                    Map.of(
                            "junit.jupiter.execution.parallel.enabled", "true",
                            "junit.jupiter.execution.parallel.config.strategy", "fixed",
                            "junit.jupiter.execution.parallel.config.fixed.parallelism", "2"));

            results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        }

        @Test
        @DisplayName("calls made outside any test are not recorded and change nothing")
        void outsideTests() {
            run(HandlerFixture.class); // instruments Ledger
            Ledger ledger = new Ledger();

            assertThat(ledger.award("outside", 3)).isEqualTo(3);
            assertThat(Ledger.audit("outside")).isEqualTo("audited outside");
        }
    }

    @Nested
    @DisplayName("when misconfigured")
    class Misconfigured {

        @Test
        @DisplayName("on a class without type: names the missing attribute")
        void noType() {
            assertConfigurationError(NoTypeFixture.class, "on a test class or method, name the entry point's type");
        }

        @Test
        @DisplayName("type on a field: says the field's type is the entry point")
        void typeOnField() {
            assertConfigurationError(
                    TypeOnFieldFixture.class,
                    "@FeatureEntryPoint(\"loyalty-points\") on field TypeEntryPointTests.TypeOnFieldFixture.ledger: "
                            + "type = Ledger.class is for a test class or method");
        }

        @Test
        @DisplayName("an unknown method: lists the type's methods")
        void unknownMethod() {
            assertConfigurationError(
                    UnknownMethodFixture.class,
                    "methods names 'awrd', but Ledger has no non-private method of that name; use one of [");
        }

        @Test
        @DisplayName("a JDK type: refused, naming the fix")
        void jdkType() {
            assertConfigurationError(JdkTypeFixture.class, "java.util.ArrayList is a JDK type");
        }

        @Test
        @DisplayName("a native method: refused")
        void nativeMethod() {
            assertConfigurationError(
                    NativeFixture.class, "Ledger.checksum is native, so flagtest cannot instrument it");
        }

        @Test
        @DisplayName("a type that is also a field entry point of the test: keep one")
        void alsoAField() {
            assertConfigurationError(
                    AlsoFieldFixture.class,
                    "Ledger is also the type of the entry point @FeatureEntryPoint(\"loyalty-points\") on field");
        }

        private void assertConfigurationError(Class<?> fixture, String expected) {
            EngineExecutionResults results = run(fixture);
            Event failed = results.testEvents().failed().list().get(0);
            Throwable thrown = failed.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                    .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                    .orElseThrow();
            assertThat(thrown).isInstanceOf(ExtensionConfigurationException.class);
            assertThat(thrown.getMessage()).contains(expected);
        }
    }

    /** The entry point: the code under test constructs it itself. */
    public static class Ledger {
        private int total;

        public int award(String customer, int points) {
            total += points;
            return total;
        }

        public int total() {
            return total;
        }

        public static String audit(String customer) {
            return "audited " + customer;
        }

        public native long checksum();
    }

    public static class PremiumLedger extends Ledger {
        @Override
        public int award(String customer, int points) {
            return super.award(customer, points * 2);
        }
    }

    /** What a proxy library generates: a subclass that forwards to the real object. */
    @SuppressWarnings("checkstyle:TypeName")
    public static class Ledger$$Proxy extends Ledger {
        private final Ledger target;

        Ledger$$Proxy(Ledger target) {
            this.target = target;
        }

        @Override
        public int award(String customer, int points) {
            return target.award(customer, points);
        }
    }

    /** What Spring's CGLIB, Quarkus ArC and Micronaut generate around a bean: forwarders. */
    @SuppressWarnings("checkstyle:TypeName")
    public static class Ledger$$SpringCGLIB$$0 extends Ledger {
        private final Ledger target;

        Ledger$$SpringCGLIB$$0(Ledger target) {
            this.target = target;
        }

        @Override
        public int award(String customer, int points) {
            return target.award(customer, points);
        }
    }

    @SuppressWarnings("checkstyle:TypeName")
    public static class Ledger_ClientProxy extends Ledger {
        private final Ledger target;

        Ledger_ClientProxy(Ledger target) {
            this.target = target;
        }

        @Override
        public int award(String customer, int points) {
            return target.award(customer, points);
        }
    }

    @SuppressWarnings("checkstyle:TypeName")
    public static class $Ledger$Definition$Intercepted extends Ledger {
        private final Ledger target;

        $Ledger$Definition$Intercepted(Ledger target) {
            this.target = target;
        }

        @Override
        public int award(String customer, int points) {
            return target.award(customer, points);
        }
    }

    /** A bean that holds its collaborator through the framework's proxies. */
    static final class Bean {
        private final Ledger ledger =
                new Ledger$$SpringCGLIB$$0(new Ledger_ClientProxy(new $Ledger$Definition$Intercepted(new Ledger())));

        int place(String customer) {
            return ledger.award(customer, 4);
        }
    }

    /** A team's own bridge, named in flagtest.callsite.skip. */
    static final class Bridge {
        static int award(String customer) {
            return new Ledger().award(customer, 1);
        }
    }

    @WithFlag(name = "loyalty-points", enabled = false)
    @FeatureEntryPoint(value = "loyalty-points", type = Ledger.class, methods = "award")
    static class ViaBridgeFixture {
        @Test
        void viaBridge() {
            Bridge.award("bridged");
        }
    }

    /** A handler that builds its collaborators inside, as real Lambda handlers do. */
    static final class Handler {
        int unguarded(String customer) {
            return new Ledger().award(customer, 120);
        }

        int guarded(String customer) {
            if (FlagTest.currentFlags().isEnabled("loyalty-points")) {
                return new Ledger().award(customer, 120);
            }
            return 0;
        }
    }

    @WithFlag(name = "loyalty-points", enabled = false)
    @FeatureEntryPoint(value = "loyalty-points", type = Ledger.class, methods = "award")
    static class HandlerFixture {
        @Test
        void offUnguarded() {
            new Handler().unguarded("c-1");
        }

        @Test
        void offGuarded() {
            assertThat(new Handler().guarded("c-1")).isZero();
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        void onUnguarded() {
            new Handler().unguarded("c-1");
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        void realResults() {
            Ledger ledger = new Ledger();
            ledger.award("a", 2);
            assertThat(ledger.award("a", 3)).isEqualTo(5);
            assertThat(new PremiumLedger().award("b", 4)).isEqualTo(8);
            assertThat(Ledger.audit("c")).isEqualTo("audited c");
        }

        @Test
        void subclassCalled() {
            new PremiumLedger().award("premium", 5);
        }

        @Test
        void throughFrameworkProxies() {
            new Bean().place("bean");
        }

        @Test
        void throughAProxy() {
            new Ledger$$Proxy(new Ledger()).award("proxied", 3);
        }

        @Test
        void otherMethodCalled() {
            assertThat(new Ledger().total()).isZero();
        }
    }

    public static final class Stamp {
        public final String stamp(String text) {
            return "[" + text + "]";
        }
    }

    public interface Notifier {
        void send(String message);
    }

    public static final class SmsNotifier implements Notifier {
        @Override
        public void send(String message) {}
    }

    @WithFlag(name = "loyalty-points", enabled = false)
    static class FinalAndInterfaceFixture {
        @Test
        @FeatureEntryPoint(value = "loyalty-points", type = Stamp.class, methods = "stamp")
        void finalMethod() {
            assertThat(new Stamp().stamp("final")).isEqualTo("[final]");
        }

        @Test
        @FeatureEntryPoint(value = "loyalty-points", type = Notifier.class, methods = "send")
        void interfaceType() {
            Notifier notifier = new SmsNotifier(); // built by the code, known to the test only by its interface
            notifier.send("impl");
        }
    }

    @WithFlag(name = "loyalty-points", enabled = false)
    @FeatureEntryPoint(value = "loyalty-points", type = SmsNotifier.class, methods = "send")
    static class InterfaceMockBesideFixture {
        @FeatureEntryPoint("loyalty-points")
        Notifier notifier;

        @Test
        void both() {
            notifier.send("mock");
            new SmsNotifier().send("real");
        }
    }

    @WithFlag(name = "loyalty-points", enabled = false)
    static class StaticFixture {
        @Test
        @FeatureEntryPoint(value = "loyalty-points", type = Ledger.class, methods = "audit")
        void staticCalled() {
            Ledger.audit("c-9");
        }

        @Test
        @FeatureEntryPoint(value = "loyalty-points", type = Ledger.class)
        void fromWorkerThread() throws InterruptedException {
            Thread worker = new Thread(() -> new Ledger().award("async", 1), "ledger-worker");
            worker.start();
            worker.join();
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        @FeatureEntryPoint(value = "loyalty-points", type = Ledger.class, methods = "award")
        void killSwitch(FakeFlags flags) {
            new Ledger().award("before", 1);
            flags.disable("loyalty-points");
            new Ledger().award("after", 2);
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        @FeatureEntryPoint(value = "loyalty-points", type = Ledger.class, methods = "award")
        void callsVisible() {
            new Ledger().award("seen", 4);
            List<EntryPointCall> calls = FlagTest.entryPointCalls("loyalty-points");
            assertThat(calls).singleElement().satisfies(call -> {
                assertThat(call.method()).isEqualTo("award");
                assertThat(call.arguments()).containsExactly("seen", 4);
                assertThat(call.flagOn()).isTrue();
                assertThat(call.thread()).contains(Thread.currentThread().getName());
            });
        }
    }

    @WithFlag(name = "loyalty-points", enabled = true)
    @FeatureEntryPoint(value = "loyalty-points", type = Ledger.class, expectWhenEnabled = true)
    static class ExpectFixture {
        @Test
        void neverCalls() {}
    }

    @FeatureEntryPoint(value = "loyalty-points", type = Ledger.class, methods = "award")
    @FeatureEntryPoint(value = "audit-log", type = Ledger.class, methods = "audit")
    static class MatrixFixture {
        @FlagMatrix({"loyalty-points", "audit-log"})
        void both() {
            new Ledger().award("m", 1);
            Ledger.audit("m");
        }
    }

    @Execution(ExecutionMode.CONCURRENT)
    @FeatureEntryPoint(value = "loyalty-points", type = Ledger.class, methods = "award")
    static class ParallelFixture {
        static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        void onCalls() throws Exception {
            BOTH_RUNNING.await(10, TimeUnit.SECONDS);
            new Ledger().award("on", 1);
            BOTH_RUNNING.await(10, TimeUnit.SECONDS);
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = false)
        void offDoesNotCall() throws Exception {
            BOTH_RUNNING.await(10, TimeUnit.SECONDS);
            BOTH_RUNNING.await(10, TimeUnit.SECONDS);
        }
    }

    @WithFlag(name = "loyalty-points", enabled = false)
    @FeatureEntryPoint("loyalty-points")
    static class NoTypeFixture {
        @Test
        void test() {}
    }

    @WithFlag(name = "loyalty-points", enabled = false)
    static class TypeOnFieldFixture {
        @FeatureEntryPoint(value = "loyalty-points", type = Ledger.class)
        Ledger ledger;

        @Test
        void test() {}
    }

    @WithFlag(name = "loyalty-points", enabled = false)
    @FeatureEntryPoint(value = "loyalty-points", type = Ledger.class, methods = "awrd")
    static class UnknownMethodFixture {
        @Test
        void test() {}
    }

    @WithFlag(name = "loyalty-points", enabled = false)
    @FeatureEntryPoint(value = "loyalty-points", type = java.util.ArrayList.class, methods = "add")
    static class JdkTypeFixture {
        @Test
        void test() {}
    }

    @WithFlag(name = "loyalty-points", enabled = false)
    @FeatureEntryPoint(value = "loyalty-points", type = Ledger.class, methods = "checksum")
    static class NativeFixture {
        @Test
        void test() {}
    }

    @WithFlag(name = "loyalty-points", enabled = false)
    @FeatureEntryPoint(value = "loyalty-points", type = Ledger.class, methods = "award")
    static class AlsoFieldFixture {
        @FeatureEntryPoint("loyalty-points")
        Ledger ledger;

        @Test
        void test() {}
    }
}
