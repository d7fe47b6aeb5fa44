package io.github.flagtest.junit.classpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.platform.launcher.LauncherSessionListener;

@DisplayName("class path check before discovery")
class ClassPathSessionListenerTests {

    @Test
    @DisplayName("is registered with the JUnit Platform launcher through ServiceLoader")
    void registered() {
        assertThat(ServiceLoader.load(LauncherSessionListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(ClassPathSessionListener.class);
    }

    @Test
    @DisplayName("lets a session open on a class path that can run flagtest")
    void passes() {
        assertThatCode(() -> new ClassPathSessionListener().launcherSessionOpened(null))
                .doesNotThrowAnyException();
    }

    @Test
    @ResourceLock(Resources.SYSTEM_ERR)
    @DisplayName("stops the run on a mix with flagtest's message, also printed to standard error")
    void stops() {
        ClassPathSessionListener listener = new ClassPathSessionListener(
                () -> Optional.of("flagtest needs every JUnit jar from one release (they are mixed), but ..."));
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> listener.launcherSessionOpened(null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("flagtest stopped the test run before discovery: flagtest needs every JUnit jar from"
                            + " one release (they are mixed), but ...");
        } finally {
            System.setErr(original);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("flagtest stopped the test run before discovery");
    }
}
