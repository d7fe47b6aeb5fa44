package io.github.flagtest.junit.classpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TestExecutionListener;

@DisplayName("a JUnit Platform launcher older than 1.8 (Surefire 2.22's 1.3.1)")
class OldLauncherListenerTests {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    @DisplayName("is caught by a test execution listener, which every launcher since 1.0 creates through ServiceLoader")
    void registered() {
        assertThat(ServiceLoader.load(TestExecutionListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(OldLauncherListener.class);
    }

    @Test
    @DisplayName("stops the run when the plan starts with flagtest's message naming the launcher jar and the fix,"
            + " also printed to standard error")
    void old() {
        OldLauncherListener listener = new OldLauncherListener(() -> Optional.of(launcher("1.3.1")), stream());
        assertThat(printed()).as("nothing printed when the launcher creates it").isEmpty();

        assertThatThrownBy(() -> listener.testPlanExecutionStarted(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("flagtest: the JUnit Platform launcher running these tests is older than 1.8"
                        + " (junit-platform-launcher 1.3.1 (/m2/junit-platform-launcher-1.3.1.jar)):")
                .hasMessageEndingWith("Fix: declare maven-surefire-plugin 3.x (3.5.4 tried) in <build><plugins>.");
        assertThat(printed())
                .startsWith("flagtest: the JUnit Platform launcher running these tests is older than 1.8")
                .endsWith("<build><plugins>." + System.lineSeparator());
    }

    @Test
    @DisplayName("lets the plan start with launcher 1.8 or later, JUnit 6's, an unknown version or no launcher")
    void newer() {
        for (Optional<Library> launcher : List.of(
                Optional.of(launcher("1.8.0")),
                Optional.of(launcher("1.14.4")),
                Optional.of(launcher("6.1.3")),
                Optional.of(launcher(Library.UNKNOWN)),
                Optional.<Library>empty())) {
            OldLauncherListener listener = new OldLauncherListener(() -> launcher, stream());
            assertThatCode(() -> listener.testPlanExecutionStarted(null))
                    .as("%s", launcher)
                    .doesNotThrowAnyException();
        }
        assertThat(printed()).isEmpty();
    }

    @Test
    @DisplayName("lets the plan start with this build's launcher, found on the class path")
    void thisBuild() {
        assertThat(Library.of("junit-platform-launcher", "org.junit.platform.launcher.Launcher"))
                .hasValueSatisfying(jar -> assertThat(jar.atLeast(1, 8)).isTrue());

        assertThatCode(() -> new OldLauncherListener().testPlanExecutionStarted(null))
                .doesNotThrowAnyException();
    }

    private static Library launcher(String version) {
        return new Library("junit-platform-launcher", version, "/m2/junit-platform-launcher-" + version + ".jar");
    }

    private PrintStream stream() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    private String printed() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
