package io.github.flagtest.e2e.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("a function's log")
class FunctionLogsTest {

    @Test
    @DisplayName("stays readable after a thread that read it was interrupted (a test's timeout, an executor's"
            + " shutdown): an interrupted FileChannel read would close it for good")
    void survivesAnInterruptedReader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fn.log");
        try (FunctionLogs logs = new FunctionLogs(file)) {
            Files.writeString(file, "init line\n", StandardOpenOption.APPEND);
            Thread reader = new Thread(() -> {
                Thread.currentThread().interrupt();
                logs.mark();
            });
            reader.start();
            reader.join();
            Files.writeString(file, "START RequestId: 1\n", StandardOpenOption.APPEND);

            assertThat(logs.since(0)).containsExactly("init line", "START RequestId: 1");
        }
        assertThat(file).doesNotExist();
    }
}
