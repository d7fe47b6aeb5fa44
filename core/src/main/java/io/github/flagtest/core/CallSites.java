package io.github.flagtest.core;

import java.lang.StackWalker.StackFrame;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;

/**
 * Finds the frame of the business code that read a flag: the first frame that is not flagtest's
 * library code, Mockito or ByteBuddy, the OpenFeature SDK, the JDK, or a configured prefix.
 */
final class CallSites {

    static final StackTraceElement UNKNOWN = new StackTraceElement("unknown", "unknown", null, -1);

    private static final List<String> SKIPPED_PREFIXES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.mockito.", "net.bytebuddy.", "dev.openfeature.sdk.");

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
        Optional<StackFrame> frame = WALKER.walk(
                frames -> frames.filter(f -> !skipped(f.getDeclaringClass())).findFirst());
        return frame.map(StackFrame::toStackTraceElement).orElse(UNKNOWN);
    }

    private boolean skipped(Class<?> type) {
        String name = type.getName();
        if (LIBRARY.get(type) || name.contains("$MockitoMock$")) {
            return true;
        }
        for (String prefix : SKIPPED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        for (String prefix : extraPrefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code File.java:42}, or the class name when the frame has no file. */
    static String format(StackTraceElement site) {
        String file = site.getFileName() != null ? site.getFileName() : site.getClassName();
        return site.getLineNumber() >= 0 ? file + ":" + site.getLineNumber() : file;
    }
}
