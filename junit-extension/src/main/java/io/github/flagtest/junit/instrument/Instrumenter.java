package io.github.flagtest.junit.instrument;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isPrivate;
import static net.bytebuddy.matcher.ElementMatchers.isSubTypeOf;
import static net.bytebuddy.matcher.ElementMatchers.isSuperTypeOf;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.utility.JavaModule;

/**
 * Instruments a type once per JVM so that {@link CallHook} sees every call to its non-private
 * methods: on the type, its subclasses (also ones loaded later) and the superclasses it inherits
 * methods from. Real methods still run; the transformer stays installed for the rest of the run,
 * so there is nothing to restore.
 */
public final class Instrumenter {

    private static final Set<Class<?>> INSTRUMENTED = ConcurrentHashMap.newKeySet();
    private static volatile long nanosSpent;

    private Instrumenter() {}

    /**
     * Makes calls to {@code type}'s methods visible to {@link CallHook}.
     *
     * @throws IllegalArgumentException if {@code type} cannot be instrumented, saying why
     * @throws IllegalStateException if this JVM does not let flagtest instrument classes
     */
    public static void watch(Class<?> type) {
        if (INSTRUMENTED.contains(type)) {
            return;
        }
        synchronized (Instrumenter.class) {
            if (INSTRUMENTED.contains(type)) {
                return;
            }
            refuseUnwatchable(type);
            long start = System.nanoTime();
            install(type);
            nanosSpent += System.nanoTime() - start;
            INSTRUMENTED.add(type);
        }
    }

    /** The time spent instrumenting so far in this JVM (the one-time cost per type). */
    public static long nanosSpent() {
        return nanosSpent;
    }

    static void refuseUnwatchable(Class<?> type) {
        if (type.isPrimitive() || type.isArray() || type.isAnnotation()) {
            throw new IllegalArgumentException(type.getTypeName() + " is not a class or interface with methods");
        }
        if (type.getClassLoader() == null || isPlatform(type.getName())) {
            throw new IllegalArgumentException(type.getName() + " is a JDK type; flagtest instruments only the "
                    + "application's own classes. Name your class that calls it instead");
        }
        Class<?> hook;
        try {
            hook = Class.forName(CallHook.class.getName(), false, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            hook = null;
        }
        if (hook != CallHook.class) {
            throw new IllegalArgumentException(type.getName() + " is loaded by " + type.getClassLoader()
                    + ", which does not see flagtest's classes; load the type from the test class path");
        }
    }

    private static boolean isPlatform(String name) {
        return name.startsWith("java.")
                || name.startsWith("javax.")
                || name.startsWith("jdk.")
                || name.startsWith("sun.")
                || name.startsWith("com.sun.");
    }

    private static void install(Class<?> type) {
        Instrumentation instrumentation = instrumentation();
        List<String> errors = new ArrayList<>();
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new Errors(errors))
                .ignore(isSynthetic()
                        .or(nameStartsWith("java."))
                        .or(nameStartsWith("jdk."))
                        .or(nameStartsWith("sun."))
                        .or(nameStartsWith("net.bytebuddy."))
                        .or(nameStartsWith("org.mockito."))
                        .or(nameContains("$MockitoMock$"))
                        .or(nameContains("$ByteBuddy$"))
                        // generated proxies (Spring's CGLIB, ...) forward to the real method, which counts
                        .or(nameContains("$$"))
                        .or(nameContains("_ClientProxy")) // Quarkus ArC
                        .or(nameContains("_Subclass"))
                        .or(nameContains("$Intercepted"))) // Micronaut
                .or(any(), isBootstrapClassLoader()) // a second ignore(...) would replace the first
                .type(isSubTypeOf(type).or(isSuperTypeOf(type)).and(not(isInterface())))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(EntryAdvice.class.getClassLoader())
                        .advice(
                                isMethod()
                                        .and(not(isPrivate()))
                                        .and(not(isAbstract()))
                                        .and(not(isNative()))
                                        .and(not(isSynthetic()))
                                        .and(not(isBridge())),
                                EntryAdvice.class.getName()))
                .installOn(instrumentation);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("flagtest could not instrument " + type.getName() + ": " + errors);
        }
    }

    private static Instrumentation instrumentation() {
        Instrumentation instrumentation;
        try {
            instrumentation = ByteBuddyAgent.install();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "flagtest could not attach Byte Buddy's agent to this JVM (" + e.getMessage() + "). Run the tests "
                            + "on a JDK rather than a JRE, or add -XX:+EnableDynamicAgentLoading "
                            + "-Djdk.attach.allowAttachSelf=true to the test JVM's arguments",
                    e);
        }
        if (!instrumentation.isRetransformClassesSupported()) {
            throw new IllegalStateException("this JVM does not support retransforming classes, which type-level "
                    + "@FeatureEntryPoint needs; use a field entry point (a mock or spy) instead");
        }
        return instrumentation;
    }

    /** Collects the instrumentation errors, so that none is swallowed. */
    private static final class Errors extends AgentBuilder.Listener.Adapter {
        private final List<String> errors;

        Errors(List<String> errors) {
            this.errors = errors;
        }

        @Override
        public void onError(
                String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable throwable) {
            synchronized (errors) {
                errors.add(typeName + ": " + throwable);
            }
            // a class loaded after the test started: no caller to throw to, so say it on the console
            System.getLogger("io.github.flagtest")
                    .log(System.Logger.Level.WARNING, "flagtest could not instrument " + typeName, throwable);
        }
    }
}
