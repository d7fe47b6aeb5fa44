package io.github.flagtest.junit;

import static io.github.flagtest.junit.FlagTestKit.message;
import static io.github.flagtest.junit.FlagTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.core.FakeFlags;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@DisplayName("flagtest.properties on the test class path")
class FlagtestPropertiesTests {

    @TempDir
    Path classPath;

    @Test
    @DisplayName("configures flagtest without a junit-platform.properties")
    void readsTheFile() throws Exception {
        Files.writeString(classPath.resolve("flagtest.properties"), "flagtest.undeclared=fail\n");

        EngineExecutionResults results = withClassPath(() -> run(UndeclaredFixture.class));

        assertThat(message(results.testEvents().failed().list().get(0)))
                .contains("read undeclared flag(s) [surprise]")
                .endsWith("(flagtest.undeclared=fail)");
    }

    @Test
    @DisplayName("yields to JUnit's configuration parameters (launcher, system properties, junit-platform.properties)")
    void junitParametersWin() throws Exception {
        Files.writeString(classPath.resolve("flagtest.properties"), "flagtest.undeclared=fail\n");

        EngineExecutionResults results =
                withClassPath(() -> run(UndeclaredFixture.class, Map.of("flagtest.undeclared", "off")));

        results.testEvents().assertStatistics(s -> s.succeeded(1));
    }

    private <T> T withClassPath(Supplier<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classPath.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(loader);
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static class UndeclaredFixture {
        @Test
        @WithFlag(name = "declared")
        void readsUndeclared(FakeFlags flags) {
            flags.isEnabled("surprise");
        }
    }
}
