package io.github.flagtest.junit.classpath;

import java.util.Optional;
import java.util.function.Supplier;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Runs flagtest's class path check when a JUnit Platform launcher session opens, before any engine
 * discovers tests (registered through {@code ServiceLoader}). A JUnit mix (explicit {@code
 * junit-jupiter-api} 5.9.0 under a 5.14 {@code junit-bom}) otherwise crashes Jupiter's discovery
 * with a {@code NoSuchMethodError} before flagtest's extension could speak; here the run stops with
 * flagtest's message naming each jar, its version and the fix. Printed to standard error too, since
 * build tools show a launcher failure in different ways.
 *
 * <p>Internal to flagtest's JUnit extension, public for {@code ServiceLoader}; not API.
 */
public final class ClassPathSessionListener implements LauncherSessionListener {

    private final Supplier<Optional<String>> problem;

    /** The listener {@code ServiceLoader} creates: the check of this JVM's class path. */
    public ClassPathSessionListener() {
        this(ClassPathCheck::problem);
    }

    ClassPathSessionListener(Supplier<Optional<String>> problem) {
        this.problem = problem;
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        problem.get().ifPresent(found -> {
            String message = "flagtest stopped the test run before discovery: " + found;
            System.err.println(message);
            throw new IllegalStateException(message);
        });
    }
}
