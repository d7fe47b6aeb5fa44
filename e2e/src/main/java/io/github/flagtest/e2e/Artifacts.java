package io.github.flagtest.e2e;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * the others, a Lambda zip of {@code target/classes} with the runtime jars under {@code lib/}.
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

    static byte[] classPathZip(String classPath) {
        return zip(out -> {
            out.putNextEntry(new ZipEntry(EmbeddedLambda.CLASS_PATH_ENTRY));
            out.write(classPath.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        });
    }

    /** The runtime part of {@code classPath}: {@code classes} directories and jars that are not test tooling. */
    static List<Path> runtimeEntries(String classPath) {
        List<Path> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            String name = path.getFileName() == null ? "" : path.getFileName().toString();
            boolean classes = Files.isDirectory(path) && name.equals("classes");
            boolean runtimeJar = name.endsWith(".jar") && TEST_ONLY.stream().noneMatch(name::startsWith);
            if (classes || runtimeJar) {
                entries.add(path);
            }
        }
        return entries;
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
