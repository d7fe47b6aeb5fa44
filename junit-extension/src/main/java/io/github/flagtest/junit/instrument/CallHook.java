package io.github.flagtest.junit.instrument;

import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What instrumented methods call on entry. Internal; public only because the instrumented classes
 * must reach it. While no listener is registered (no test watches a type), a call costs one
 * volatile read.
 */
public final class CallHook {

    /** Receives the calls a running test watches. */
    public interface Listener {

        /** Whether this listener wants the call; asked before the caller's frame is looked up. */
        boolean wants(Class<?> declaringType, String method, Object receiver);

        /** A call {@link #wants} accepted. */
        void called(MethodCall call);

        /** Whether a caller frame of {@code className} is skipped (a generated proxy); none by default. */
        default boolean skipsCaller(String className) {
            return false;
        }
    }

    private static final Listener[] NONE = new Listener[0];
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();
    private static volatile Listener[] listeners = NONE;

    private CallHook() {}

    /** Called by instrumented code; never throws. */
    public static void enter(Class<?> declaringType, String method, Object receiver, Object[] arguments) {
        Listener[] current = listeners;
        if (current.length == 0 || INSIDE.get() != null) {
            return;
        }
        INSIDE.set(Boolean.TRUE); // a listener, or an argument's toString, may call watched code
        try {
            MethodCall call = null;
            for (Listener listener : current) {
                if (listener.wants(declaringType, method, receiver)) {
                    if (call == null) {
                        call = new MethodCall(
                                declaringType,
                                method,
                                Optional.ofNullable(receiver),
                                Collections.unmodifiableList(Arrays.asList(arguments.clone())),
                                Thread.currentThread().getName(),
                                caller(declaringType, method, listener));
                    }
                    listener.called(call);
                }
            }
        } finally {
            INSIDE.remove();
        }
    }

    /** Starts delivering calls to {@code listener}; the returned handle stops it. */
    public static AutoCloseable register(Listener listener) {
        synchronized (CallHook.class) {
            Listener[] next = Arrays.copyOf(listeners, listeners.length + 1);
            next[next.length - 1] = listener;
            listeners = next;
        }
        return () -> unregister(listener);
    }

    private static synchronized void unregister(Listener listener) {
        listeners = Arrays.stream(listeners)
                .filter(Predicate.isEqual(listener).negate())
                .toArray(Listener[]::new);
        if (listeners.length == 0) {
            listeners = NONE;
        }
    }

    /** How many listeners are registered: none once every test that watched a type has ended. */
    public static int listeners() {
        return listeners.length;
    }

    /**
     * The frame that called the instrumented method, past the frames {@code listener} skips (proxies
     * between the caller and the bean), formatted as a stack trace line.
     */
    private static String caller(Class<?> declaringType, String method, Listener listener) {
        String hook = CallHook.class.getName();
        return WALKER.walk(
                        frames -> frames.dropWhile(frame -> frame.getClassName().equals(hook))
                                .skip(1) // the instrumented method itself
                                .dropWhile(frame -> listener.skipsCaller(frame.getClassName()))
                                .findFirst()
                                .map(frame -> frame.getClassName() + "." + frame.getMethodName() + "("
                                        + frame.getFileName() + ":" + frame.getLineNumber() + ")"))
                .orElse(declaringType.getName() + "." + method + "(unknown caller)");
    }
}
