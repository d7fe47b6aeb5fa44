package io.github.flagtest.junit.current;

import io.github.flagtest.core.FakeFlags;
import java.util.Optional;

/**
 * The documented global adapter behind {@link io.github.flagtest.junit.FlagTest#currentFlags()} and the OpenFeature routing
 * provider: which test's flags belong to the running thread (and the threads it starts).
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class CurrentFlags {

    private static final InheritableThreadLocal<Binding> CURRENT = new InheritableThreadLocal<>();

    private CurrentFlags() {}

    public static Optional<FakeFlags> get() {
        return test().map(test -> test.flags());
    }

    public static Optional<TestFlags> test() {
        Binding binding = CURRENT.get();
        return binding != null && binding.active ? Optional.of(binding.test) : Optional.empty();
    }

    static Binding bind(TestFlags test) {
        Binding binding = new Binding(test);
        CURRENT.set(binding);
        return binding;
    }

    /** Binds {@code binding} on this thread for the duration of a task; returns what to restore. */
    public static Binding swap(Binding binding) {
        Binding previous = CURRENT.get();
        if (binding == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(binding);
        }
        return previous;
    }

    public static Binding currentBinding() {
        Binding binding = CURRENT.get();
        return binding != null && binding.active ? binding : null;
    }

    /**
     * One test's binding. Closing it deactivates it everywhere, so threads that inherited it during
     * the test (pools started by the code under test) stop seeing that test's flags.
     */
    public static final class Binding implements AutoCloseable {
        private final TestFlags test;
        private volatile boolean active = true;

        private Binding(TestFlags test) {
            this.test = test;
        }

        public TestFlags test() {
            return test;
        }

        @Override
        public void close() {
            active = false;
            if (CURRENT.get() == this) {
                CURRENT.remove();
            }
        }
    }
}
