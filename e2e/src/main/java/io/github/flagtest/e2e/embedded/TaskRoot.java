package io.github.flagtest.e2e.embedded;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A function's {@code LAMBDA_TASK_ROOT}: the function JVM's working directory, where the Runtime
 * Interface Client looks for the function's package as on Lambda (the directory itself, then {@code
 * lib/*.jar}; see the RIC's {@code CustomerClassLoader}). Instead of copying the package, {@code
 * lib/} holds one jar whose manifest {@code Class-Path} names the function's class path entries in
 * order, which the RIC's class loader follows.
 */
final class TaskRoot implements AutoCloseable {

    static final String PACKAGE_JAR = "flagtest-function-package.jar";

    private final Path dir;

    TaskRoot() throws IOException {
        this.dir = Files.createTempDirectory("flagtest-task-");
        Files.createDirectories(dir.resolve("lib"));
    }

    Path dir() {
        return dir;
    }

    /** Points the task root at {@code classPath} (directories and jars), replacing what it named before. */
    void layOut(String classPath) {
        List<String> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                Path path = Path.of(entry).toAbsolutePath();
                // a directory URL ends with '/', which is how a class loader tells it from a jar
                urls.add(path.toUri().toString());
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        Path jar = dir.resolve("lib").resolve(PACKAGE_JAR);
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the whole jar
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the function's task root " + dir + ": " + e, e);
        }
    }

    @Override
    public void close() {
        TempDirs.delete(dir);
    }
}
