package io.github.flagtest.e2e.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deletes the temporary directories flagtest's E2E support makes (task roots, JNI copies, unpacked
 * function packages). A directory left behind is harmless: it is logged at DEBUG, never thrown.
 *
 * <p>Internal to flagtest's E2E support, public for its harness; not API.
 */
public final class TempDirs {

    private TempDirs() {}

    /**
     * Deletes {@code dir} and everything in it, deepest first.
     *
     * @param dir the directory
     */
    public static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.getLogger("io.github.flagtest").log(System.Logger.Level.DEBUG, "cannot delete " + dir, e);
        }
    }
}
