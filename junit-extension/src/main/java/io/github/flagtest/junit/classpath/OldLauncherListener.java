package io.github.flagtest.junit.classpath;

import java.io.PrintStream;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Stops a test run whose JUnit Platform launcher is older than 1.8, naming the fix. Such a launcher
 * calls no {@code LauncherSessionListener}, so {@link ClassPathSessionListener} never runs; Surefire
 * 2.22 runs its own launcher 1.3.1 whatever the project declares. Launcher 1.3.1 only logs that JUnit
 * Jupiter 5.10+ failed to discover its tests and then executes an empty plan, but every launcher
 * since 1.0 creates the {@code TestExecutionListener}s registered through {@code ServiceLoader} and
 * tells them the plan starts: this one throws flagtest's message there (printed to standard error
 * too), which such a launcher passes to the build tool. On a newer launcher it does nothing.
 *
 * <p>Internal to flagtest's JUnit extension, public for {@code ServiceLoader}; not API.
 */
public final class OldLauncherListener implements TestExecutionListener {

    static final String MESSAGE = "flagtest: the JUnit Platform launcher running these tests is older than 1.8";

    private final Optional<String> problem;
    private final PrintStream err;

    /** The listener {@code ServiceLoader} creates: checks the launcher jar of this JVM's class path. */
    public OldLauncherListener() {
        this(() -> Library.of("junit-platform-launcher", "org.junit.platform.launcher.Launcher"), System.err);
    }

    OldLauncherListener(Supplier<Optional<Library>> launcher, PrintStream err) {
        this.problem = problem(launcher.get());
        this.err = err;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        problem.ifPresent(message -> {
            err.println(message);
            throw new IllegalStateException(message);
        });
    }

    /** flagtest's message for a launcher older than 1.8; empty for a newer or unknown one. */
    static Optional<String> problem(Optional<Library> launcher) {
        return launcher.filter(jar -> !jar.atLeast(1, 8))
                .map(jar -> MESSAGE + " (" + jar + "): it cannot discover JUnit Jupiter 5.10+ tests and calls"
                        + " none of flagtest's checks, so no test would run. Surefire 2.22 runs its own launcher"
                        + " 1.3.1 whatever the project declares. Fix: declare maven-surefire-plugin 3.x (3.5.4"
                        + " tried) in <build><plugins>.");
    }
}
