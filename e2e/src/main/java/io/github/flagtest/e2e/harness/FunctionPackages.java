package io.github.flagtest.e2e.harness;

import io.github.flagtest.e2e.LambdaE2E;
import io.github.flagtest.e2e.embedded.TempDirs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The function package an E2E class deploys when the module's class path is not it: a Lambda zip or
 * jar (classes at the root, dependencies under {@code lib/}) named by {@code
 * @LambdaE2E(functionPackage)} or {@code flagtest.e2e.package}, else what Quarkus builds ({@code
 * target/function.zip}, or one {@code target/*-runner.jar} without {@code target/lib}: an uber-jar)
 * when it is at least as new as {@code target/classes}.
 */
final class FunctionPackages {

    static final String SETTING = "flagtest.e2e.package";

    private FunctionPackages() {}

    /** The package {@code testClass} deploys, if not the module's class path; paths from {@code module}. */
    static Optional<Path> choose(LambdaE2E e2e, Optional<String> setting, Path module, String testClass) {
        if (!e2e.functionPackage().isBlank()) {
            return Optional.of(
                    existing(module, e2e.functionPackage(), "@LambdaE2E(functionPackage = \"%s\") on " + testClass));
        }
        if (setting.isPresent() && !setting.get().isBlank()) {
            return Optional.of(existing(module, setting.get().trim(), SETTING + "=%s"));
        }
        return built(module.resolve("target"));
    }

    private static Path existing(Path module, String name, String where) {
        Path file = module.resolve(name);
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!lower.endsWith(".zip") && !lower.endsWith(".jar")) {
            throw new ExtensionConfigurationException(String.format(where, name)
                    + ": a function package is a .zip or .jar file (Lambda's layout: classes at the root,"
                    + " dependencies under lib/)");
        }
        if (!Files.isRegularFile(file)) {
            throw new ExtensionConfigurationException(String.format(where, name) + ": no file "
                    + file.toAbsolutePath() + "; build the package first (mvn package, then the E2E tests in"
                    + " Failsafe's integration-test phase) or fix the path");
        }
        return file;
    }

    /** Quarkus's package in {@code target}, if it was built after the classes it holds. */
    private static Optional<Path> built(Path target) {
        Path zip = target.resolve("function.zip");
        Optional<Path> found = Files.isRegularFile(zip) ? Optional.of(zip) : runnerJar(target);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (modified(found.get()).compareTo(newestClass(target.resolve("classes"))) < 0) {
            System.out.println("flagtest e2e: " + found.get() + " is older than " + target.resolve("classes")
                    + ": deploying the class path instead (package the module first, or name the package with "
                    + SETTING + ")");
            return Optional.empty();
        }
        return found;
    }

    private static Optional<Path> runnerJar(Path target) {
        if (!Files.isDirectory(target) || Files.isDirectory(target.resolve("lib"))) {
            return Optional.empty(); // a legacy runner jar needs target/lib: Quarkus's function.zip holds both
        }
        try (Stream<Path> files = Files.list(target)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith("-runner.jar"))
                    .toList();
            return jars.size() == 1 ? Optional.of(jars.get(0)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + target + ": " + e.getMessage(), e);
        }
    }

    private static FileTime newestClass(Path classes) {
        if (!Files.isDirectory(classes)) {
            return FileTime.fromMillis(0);
        }
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(Files::isRegularFile)
                    .map(FunctionPackages::modified)
                    .max(FileTime::compareTo)
                    .orElse(FileTime.fromMillis(0));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + classes + ": " + e.getMessage(), e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the time of " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A package unpacked for the embedded backend, which runs a class path: the package's root, then
     * its {@code lib/*.jar}, as Lambda's runtime loads {@code /var/task}. Closing deletes it.
     */
    static final class Unpacked implements AutoCloseable {
        private final Path dir;
        private final String classPath;

        Unpacked(Path functionPackage) {
            try {
                dir = Files.createTempDirectory("flagtest-package-");
                unzip(functionPackage, dir);
                List<String> entries = new ArrayList<>(List.of(dir.toString()));
                Path lib = dir.resolve("lib");
                if (Files.isDirectory(lib)) {
                    try (Stream<Path> jars = Files.list(lib)) {
                        jars.filter(jar -> jar.getFileName().toString().endsWith(".jar"))
                                .sorted()
                                .forEach(jar -> entries.add(jar.toString()));
                    }
                }
                classPath = String.join(java.io.File.pathSeparator, entries);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "flagtest e2e: cannot unpack the function package " + functionPackage + ": " + e.getMessage(),
                        e);
            }
        }

        String classPath() {
            return classPath;
        }

        private static void unzip(Path zip, Path dir) throws IOException {
            try (InputStream in = Files.newInputStream(zip);
                    ZipInputStream entries = new ZipInputStream(in)) {
                for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                    Path target = dir.resolve(entry.getName()).normalize();
                    if (!target.startsWith(dir)) {
                        throw new IOException("the entry " + entry.getName() + " points outside the package");
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(entries, target);
                    }
                }
            }
        }

        @Override
        public void close() {
            TempDirs.delete(dir);
        }
    }
}
