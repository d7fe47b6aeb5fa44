package io.github.flagtest.e2e.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("temporary directories of the E2E support")
class TempDirsTest {

    @TempDir
    Path parent;

    @Test
    @DisplayName("are deleted with everything in them, nested directories too")
    void deletesTree() throws Exception {
        Path dir = Files.createDirectories(parent.resolve("unpacked/lib/nested"));
        Files.writeString(dir.resolve("a.jar"), "x");
        Files.writeString(parent.resolve("unpacked/top.txt"), "y");

        TempDirs.delete(parent.resolve("unpacked"));

        assertThat(parent.resolve("unpacked")).doesNotExist();
        assertThat(parent).exists();
    }

    @Test
    @DisplayName("one that is already gone is no error")
    void missing() {
        assertThatCode(() -> TempDirs.delete(parent.resolve("gone"))).doesNotThrowAnyException();
    }
}
