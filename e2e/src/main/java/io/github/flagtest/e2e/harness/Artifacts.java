package io.github.flagtest.e2e.harness;

import io.github.flagtest.e2e.embedded.EmbeddedAws;
import io.github.flagtest.e2e.embedded.HandlerClasses;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The function's code: for the embedded backend, a zip that only names the test class path; for
 * the others, a Lambda zip of the module's main output (Maven's {@code target/classes}, Gradle's
 * {@code build/classes/<language>/main} and {@code build/resources/main}) with the runtime jars
 * under {@code lib/}: never test classes or test tooling.
 */
final class Artifacts {

    /** Jars of test tooling that a function never needs at run time. */
    static final Set<String> TEST_ONLY = Set.of(
            "junit-",
            "opentest4j",
            "apiguardian",
            "assertj-",
            "mockito-",
            "byte-buddy",
            "objenesis",
            "testcontainers",
            "docker-java",
            "duct-tape",
            "jna",
            "flagtest-",
            "surefire",
            "hamcrest",
            "aws-lambda-java-tests",
            "aws-lambda-java-runtime-interface-client");

    private Artifacts() {}

    /** The class path of the test JVM: what the embedded backend runs the handler with. */
    static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** The embedded backend's code: a zip that only names the class path to run the handler with. */
    static byte[] classPathZip(String classPath) {
        return EmbeddedAws.code(classPath);
    }

    /**
     * Where a build may write the module's runtime class path (one path per line, or one line with
     * the platform's separator), which makes the package exact: Maven's dependency:build-classpath
     * with includeScope=runtime, or a Gradle task printing runtimeClasspath.
     */
    static final List<Path> RUNTIME_CLASS_PATH_FILES =
            List.of(Path.of("target/flagtest/runtime-classpath.txt"), Path.of("build/flagtest/runtime-classpath.txt"));

    /**
     * The runtime part of {@code classPath}: the main output directories, and the runtime jars the
     * build listed in a {@link #RUNTIME_CLASS_PATH_FILES runtime class path file}, else the jars that
     * are not test tooling (a guess by name).
     */
    static List<Path> runtimeEntries(String classPath) {
        return runtimeEntries(classPath, Path.of(""));
    }

    /** The same, with the runtime class path files looked for under {@code module} (the build's base directory). */
    static List<Path> runtimeEntries(String classPath, Path module) {
        for (Path file : RUNTIME_CLASS_PATH_FILES) {
            if (Files.isRegularFile(module.resolve(file))) {
                return listed(classPath, module.resolve(file));
            }
        }
        return guessed(classPath);
    }

    private static List<Path> listed(String classPath, Path file) {
        List<Path> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!entry.isBlank() && Files.isDirectory(path) && isMainOutput(path)) {
                entries.add(path);
            }
        }
        try {
            for (String line : Files.readAllLines(file)) {
                for (String entry : line.split(File.pathSeparator)) {
                    if (!entry.isBlank() && entry.trim().endsWith(".jar")) {
                        entries.add(Path.of(entry.trim()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the runtime class path in " + file + ": " + e.getMessage(), e);
        }
        return entries;
    }

    private static List<Path> guessed(String classPath) {
        List<Path> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            String name = path.getFileName() == null ? "" : path.getFileName().toString();
            boolean classes = Files.isDirectory(path) && isMainOutput(path);
            boolean runtimeJar = name.endsWith(".jar") && TEST_ONLY.stream().noneMatch(name::startsWith);
            if (classes || runtimeJar) {
                entries.add(path);
            }
        }
        return entries;
    }

    /** Maven's {@code target/classes}, or Gradle's {@code build/classes/<language>/main} or {@code build/resources/main}. */
    static boolean isMainOutput(Path directory) {
        String path = directory.toAbsolutePath().normalize().toString().replace(File.separatorChar, '/');
        return path.endsWith("/target/classes")
                || path.matches(".*/build/classes/[^/]+/main")
                || path.endsWith("/build/resources/main");
    }

    /**
     * What a non-embedded backend gets: the runtime entries of {@code classPath}, which must hold
     * the handler's class (a handler in the test sources runs on the embedded backend only).
     */
    static List<Path> packaged(String handler, String backend, String classPath) {
        List<Path> entries = runtimeEntries(classPath);
        String className = HandlerClasses.className(handler);
        String resource = className.replace('.', '/') + ".class";
        boolean found = entries.stream().anyMatch(entry -> contains(entry, resource));
        if (!found) {
            throw new org.junit.jupiter.api.extension.ExtensionConfigurationException("flagtest e2e: the handler class "
                    + className + " is not in the module's main output or runtime dependencies, so the " + backend
                    + " backend would not find it (a handler in src/test runs on the embedded backend only);"
                    + " move it to src/main/java, or run with -Dflagtest.e2e.backend=embedded");
        }
        return entries;
    }

    private static boolean contains(Path entry, String resource) {
        if (Files.isDirectory(entry)) {
            return Files.isRegularFile(entry.resolve(resource));
        }
        try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(entry.toFile())) {
            return jar.getEntry(resource) != null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + entry + ": " + e.getMessage(), e);
        }
    }

    /** A Lambda deployment zip: class directories at the root, jars under {@code lib/}. */
    static byte[] lambdaZip(List<Path> entries) {
        return zip(out -> {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    try (Stream<Path> files = Files.walk(entry)) {
                        for (Path file :
                                files.filter(Files::isRegularFile).sorted().toList()) {
                            out.putNextEntry(new ZipEntry(
                                    entry.relativize(file).toString().replace(File.separatorChar, '/')));
                            Files.copy(file, out);
                            out.closeEntry();
                        }
                    }
                } else if (Files.isRegularFile(entry)) {
                    out.putNextEntry(new ZipEntry("lib/" + entry.getFileName()));
                    Files.copy(entry, out);
                    out.closeEntry();
                }
            }
        });
    }

    private interface ZipWriter {
        void write(ZipOutputStream out) throws IOException;
    }

    private static byte[] zip(ZipWriter writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the function's zip: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }
}
