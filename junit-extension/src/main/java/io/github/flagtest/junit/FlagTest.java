package io.github.flagtest.junit;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.core.FlagTestException;
import io.github.flagtest.junit.current.CurrentFlags;
import io.github.flagtest.junit.current.EntryPoint;
import io.github.flagtest.junit.current.StateTimeline;
import io.github.flagtest.junit.current.TestFlags;
import io.github.flagtest.junit.entrypoint.EntryPointCheck;
import io.github.flagtest.junit.entrypoint.MockEntryPoint;
import io.github.flagtest.junit.flags.FlagClientAnswer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import org.mockito.Mockito;
import org.mockito.exceptions.base.MockitoException;

/**
 * Static access to the running test's flags, for code that cannot take a parameter (a handler
 * built by a framework, a static factory).
 *
 * <pre>{@code
 * FlagTest.currentFlags().disable("loyalty-points");            // kill switch mid-test
 * executor.submit(FlagTest.propagate(() -> handler.handle(e)));  // a pool thread sees this test's flags
 * }</pre>
 *
 * <p>Threads started during a test inherit its flags; threads of a pool created elsewhere need
 * {@link #propagate(Runnable)}.
 *
 * @since 0.1.0
 */
public final class FlagTest {

    private FlagTest() {}

    /**
     * The {@link FakeFlags} of the test running on this thread; the same object as the
     * {@code FakeFlags} parameter, {@code @FlagClient} and OpenFeature answer from.
     *
     * @return the running test's fake
     * @throws FlagTestException outside a flagtest test
     */
    public static FakeFlags currentFlags() {
        return CurrentFlags.get()
                .orElseThrow(() -> new FlagTestException("FlagTest.currentFlags() was called on thread '"
                        + Thread.currentThread().getName() + "', which runs no flagtest test; call it from a test that "
                        + "uses @WithFlag, @FlagMatrix or @ExtendWith(FlagExtension.class), and wrap tasks for "
                        + "other threads with FlagTest.propagate(...)"));
    }

    /**
     * A flag client for a framework's context: a Mockito mock of {@code type} whose flag-reading
     * methods (a String flag name and a Boolean, String or Number result, or an attribute read) answer
     * from whichever flagtest test runs on the calling thread at the time of the call, so one bean
     * (and one cached context) serves every test, pinned state and matrix run. Outside a test it
     * answers OFF or the caller's default. The mock records no calls (it lives as long as the
     * context); pin flags rather than stubbing it.
     *
     * <pre>{@code
     * @Bean @Primary FeatureFlags featureFlags() { return FlagTest.flagClient(FeatureFlags.class); }
     * }</pre>
     *
     * <p>With Spring, {@code @FlagClientBean} (module {@code flagtest-spring}) registers it for you.
     *
     * @param <T> the client's type
     * @param type the flag client interface or class
     * @return the flag client mock
     * @throws FlagTestException if Mockito cannot mock {@code type}
     */
    public static <T> T flagClient(Class<T> type) {
        Objects.requireNonNull(type, "type");
        try {
            return Mockito.mock(
                    type,
                    Mockito.withSettings()
                            .name(type.getSimpleName() + " (flagtest flag client)")
                            .stubOnly()
                            .defaultAnswer(FlagClientAnswer.ofRunningTest()));
        } catch (MockitoException e) {
            throw new FlagTestException(
                    "Mockito cannot mock " + type.getName() + " as a flag client; use a "
                            + "mockable type (an interface, or a non-final class): " + e.getMessage(),
                    e);
        }
    }

    /**
     * The flag state the running test started with (its matrix run, pins, profile and catalog).
     *
     * @return the running test's starting state
     */
    public static FlagState currentState() {
        currentFlags();
        return CurrentFlags.test().orElseThrow().initial();
    }

    /**
     * Every call so far to the {@link FeatureEntryPoint}s of {@code flag} in the running test, each
     * judged by the flag state at the time of the call.
     *
     * @param flag the flag name
     * @return the calls, in call order
     * @throws FlagTestException outside a flagtest test, or if no entry point is registered for
     *     {@code flag}
     */
    public static List<EntryPointCall> entryPointCalls(String flag) {
        currentFlags();
        TestFlags test = CurrentFlags.test().orElseThrow();
        List<EntryPoint> registered =
                test.entryPoints().stream().filter(e -> e.flag().equals(flag)).toList();
        if (registered.isEmpty()) {
            throw new FlagTestException("No @FeatureEntryPoint(\"" + flag
                    + "\") is registered in this test (registered: "
                    + test.entryPoints().stream()
                            .map(EntryPoint::flag)
                            .distinct()
                            .toList()
                    + "); annotate the entry point's field or parameter with @FeatureEntryPoint(\"" + flag
                    + "\"), or the test with @FeatureEntryPoint(value = \"" + flag + "\", type = TheEntryPoint.class)");
        }
        List<EntryPointCall> calls = new ArrayList<>();
        registered.forEach(entryPoint -> calls.addAll(entryPoint.calls(test.timeline())));
        return calls;
    }

    /**
     * Every call so far to {@code mockOrSpy} (a Mockito mock or spy). If it is registered as a
     * {@link FeatureEntryPoint} in the running test, each call carries the flag and its state at the
     * time of the call; otherwise {@link EntryPointCall#flag()} is empty.
     *
     * @param mockOrSpy a Mockito mock or spy
     * @return the calls, in call order
     * @throws FlagTestException if {@code mockOrSpy} is not a Mockito mock or spy
     */
    public static List<EntryPointCall> entryPointCalls(Object mockOrSpy) {
        Objects.requireNonNull(mockOrSpy, "mockOrSpy");
        if (!MockEntryPoint.isMockOrSpy(mockOrSpy)) {
            throw new FlagTestException(mockOrSpy.getClass().getName() + " is neither a Mockito mock nor a spy, so "
                    + "flagtest cannot see its calls; pass the mock or spy the code under test calls");
        }
        Optional<TestFlags> test = CurrentFlags.test();
        Optional<EntryPoint> entryPoint = test.flatMap(t -> registeredFor(t, mockOrSpy));
        StateTimeline timeline = test.map(t -> t.timeline()).orElseGet(() -> new StateTimeline(FlagState.empty()));
        return EntryPointCheck.calls(mockOrSpy, entryPoint, timeline);
    }

    /**
     * The flag {@code mockOrSpy} is registered for as a {@link FeatureEntryPoint} in the running test.
     *
     * @param mockOrSpy a Mockito mock or spy
     * @return the flag, or empty when it is not registered
     */
    public static Optional<String> entryPointFlag(Object mockOrSpy) {
        return CurrentFlags.test()
                .flatMap(test -> registeredFor(test, mockOrSpy))
                .map(EntryPoint::flag);
    }

    private static Optional<EntryPoint> registeredFor(TestFlags test, Object mockOrSpy) {
        return test.entryPoints().stream()
                .filter(e ->
                        e instanceof MockEntryPoint mocked && mocked.target().get() == mockOrSpy)
                .findFirst();
    }

    /**
     * {@code task}, run with the flags of the test that calls this method.
     *
     * @param task the task
     * @return the task that runs with the calling test's flags
     */
    public static Runnable propagate(Runnable task) {
        Objects.requireNonNull(task, "task");
        return bound(captured(), task);
    }

    /**
     * {@code task}, called with the flags of the test that calls this method.
     *
     * @param <T> the task's result type
     * @param task the task
     * @return the task that runs with the calling test's flags
     */
    public static <T> Callable<T> propagate(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        CurrentFlags.Binding binding = captured();
        return () -> {
            CurrentFlags.Binding previous = CurrentFlags.swap(binding);
            try {
                return task.call();
            } finally {
                CurrentFlags.swap(previous);
            }
        };
    }

    /**
     * An executor that runs every task on {@code executor} with the flags of the calling test.
     *
     * @param executor the executor to wrap
     * @return the executor that passes the calling test's flags on
     */
    public static Executor propagate(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        CurrentFlags.Binding binding = captured();
        return task -> executor.execute(bound(binding, task));
    }

    private static Runnable bound(CurrentFlags.Binding binding, Runnable task) {
        return () -> {
            CurrentFlags.Binding previous = CurrentFlags.swap(binding);
            try {
                task.run();
            } finally {
                CurrentFlags.swap(previous);
            }
        };
    }

    private static CurrentFlags.Binding captured() {
        currentFlags(); // fails clearly outside a test
        return CurrentFlags.currentBinding();
    }
}
