package io.github.flagtest.junit;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagTestException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

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
     * @throws FlagTestException outside a flagtest test
     */
    public static FakeFlags currentFlags() {
        return CurrentFlags.get()
                .orElseThrow(() -> new FlagTestException("FlagTest.currentFlags() was called on thread '"
                        + Thread.currentThread().getName() + "', which runs no flagtest test; call it from a test that "
                        + "uses @WithFlag, @FlagMatrix or @ExtendWith(FlagExtension.class), and wrap tasks for "
                        + "other threads with FlagTest.propagate(...)"));
    }

    /** {@code task}, run with the flags of the test that calls this method. */
    public static Runnable propagate(Runnable task) {
        Objects.requireNonNull(task, "task");
        CurrentFlags.Binding binding = captured();
        return () -> {
            CurrentFlags.Binding previous = CurrentFlags.swap(binding);
            try {
                task.run();
            } finally {
                CurrentFlags.swap(previous);
            }
        };
    }

    /** {@code task}, called with the flags of the test that calls this method. */
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

    /** An executor that runs every task on {@code executor} with the flags of the calling test. */
    public static Executor propagate(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        CurrentFlags.Binding binding = captured();
        return task -> executor.execute(() -> {
            CurrentFlags.Binding previous = CurrentFlags.swap(binding);
            try {
                task.run();
            } finally {
                CurrentFlags.swap(previous);
            }
        });
    }

    private static CurrentFlags.Binding captured() {
        currentFlags(); // fails clearly outside a test
        return CurrentFlags.currentBinding();
    }
}
