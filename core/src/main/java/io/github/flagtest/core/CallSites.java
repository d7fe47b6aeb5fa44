package io.github.flagtest.core;

import java.lang.StackWalker.StackFrame;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the frame of the business code that read a flag: the first frame that is not flagtest's
 * library code, Mockito or ByteBuddy, the OpenFeature SDK, the JDK, a generated proxy (see {@link
 * #generated(String)}), the mocked method a Mockito mock runs through, or a configured prefix.
 *
 * <p>Internal: public only so that flagtest's JUnit extension finds entry-point callers by the same
 * rule; not API.
 */
public final class CallSites {

    static final StackTraceElement UNKNOWN = new StackTraceElement("unknown", "unknown", null, -1);

    private static final List<String> SKIPPED_PREFIXES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.mockito.", "net.bytebuddy.", "dev.openfeature.sdk.");

    /** Frameworks' proxy machinery between a proxy and the bean it calls. */
    private static final List<String> PROXY_PREFIXES =
            List.of("org.springframework.aop.", "org.springframework.cglib.", "io.quarkus.arc.", "io.micronaut.aop.");

    /** Marks in the names of generated classes: Spring CGLIB, Quarkus ArC, Micronaut AOP, Mockito, ByteBuddy. */
    private static final List<String> GENERATED_MARKS = List.of(
            "$$SpringCGLIB$$",
            "$$EnhancerBySpringCGLIB$$",
            "$$FastClassBySpringCGLIB$$",
            "_ClientProxy",
            "_Subclass",
            "$Intercepted",
            "$MockitoMock$",
            "$ByteBuddy$");

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    /** flagtest's own library classes: its packages, but not the samples nor any test classes. */
    private static final ClassValue<Boolean> LIBRARY = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            String name = type.getName();
            if (!name.startsWith("io.github.flagtest.") || name.startsWith("io.github.flagtest.samples.")) {
                return false;
            }
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source == null
                    || source.getLocation() == null
                    || !source.getLocation().getPath().endsWith("/test-classes/");
        }
    };

    private final List<String> extraPrefixes;

    CallSites(List<String> extraPrefixes) {
        this.extraPrefixes = List.copyOf(extraPrefixes);
    }

    StackTraceElement find() {
        Optional<StackFrame> frame =
                WALKER.walk(frames -> frames.dropWhile(new Skip()).findFirst());
        return frame.map(StackFrame::toStackTraceElement).orElse(UNKNOWN);
    }

    /**
     * Whether a frame of {@code className} is a generated proxy or a framework's proxy machinery
     * (Spring CGLIB and AOP, Quarkus {@code _ClientProxy}/{@code _Subclass}, Micronaut {@code
     * $Intercepted}, Mockito and ByteBuddy classes, JDK proxies): never the application's line.
     *
     * @param className a frame's class name
     * @return {@code true} for generated or proxy classes
     */
    public static boolean generated(String className) {
        if (className.startsWith("jdk.proxy") || className.startsWith("com.sun.proxy.")) {
            return true;
        }
        for (String prefix : PROXY_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        for (String mark : GENERATED_MARKS) {
            if (className.contains(mark)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a caller frame of {@code className} is skipped: the JDK, Mockito, ByteBuddy, a generated
     * proxy, or a class whose name starts with one of {@code prefixes} ({@code flagtest.callsite.skip}).
     *
     * @param className a caller frame's class name
     * @param prefixes further class name prefixes to skip
     * @return {@code true} if the frame is not the application's call site
     */
    public static boolean skipped(String className, List<String> prefixes) {
        return startsWithAny(className, SKIPPED_PREFIXES) || generated(className) || startsWithAny(className, prefixes);
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The frames to skip, walking outward from the read. With Mockito's inline mock maker a mocked
     * class's own method runs the mock: the first frame after Mockito's is that method, not a caller.
     */
    private final class Skip implements Predicate<StackFrame> {
        private boolean afterMockito;

        @Override
        public boolean test(StackFrame frame) {
            Class<?> type = frame.getDeclaringClass();
            String name = type.getName();
            if (name.startsWith("org.mockito.")) {
                afterMockito = true;
                return true;
            }
            boolean mockedMethod = afterMockito; // the frame right after Mockito's runs the mock
            afterMockito = false;
            return mockedMethod || LIBRARY.get(type) || skipped(name, extraPrefixes);
        }
    }

    /** {@code File.java:42}, or the class name when the frame has no file. */
    static String format(StackTraceElement site) {
        String file = site.getFileName() != null ? site.getFileName() : site.getClassName();
        return site.getLineNumber() >= 0 ? file + ":" + site.getLineNumber() : file;
    }
}
