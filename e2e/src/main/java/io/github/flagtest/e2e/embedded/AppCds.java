package io.github.flagtest.e2e.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Application class-data sharing for embedded functions: the first runtime started with a given JVM,
 * options and class path records the classes it loads into a dynamic archive when it exits (JDK 13+
 * {@code -XX:ArchiveClassesAtExit}); later runtimes map that archive instead of loading and verifying
 * the same classes again, which is most of a Java function's cold start. The archive's name is a hash
 * of the JVM, the options and every class path jar's size and time, so a rebuilt jar gets a new one;
 * only the 8 most recently used archives and the 16 newest class jars are kept, none older than a
 * week. A JVM that cannot use an archive runs without it.
 *
 * <p>The JVM archives classes from jars only and refuses a class path with a non-empty directory, so
 * each class directory (a test class path's {@code target/classes}) is packed into a jar named by
 * its content, made once and reused while the directory does not change.
 */
public final class AppCds {

    static final Duration UNUSED = Duration.ofDays(7);

    /** Archives are ~20 MB: a few class paths' worth (modules, profiles) and no more. */
    static final int KEPT_ARCHIVES = 8;

    static final int KEPT_JARS = 16;

    /** What a runtime writes its archive to as it exits; published as {@code .jsa} after. */
    static final String RECORDING = ".jsa.recording";

    /** CDS notes (skipped classes, a mismatched archive) would read as the function's own log lines. */
    static final String QUIET = "-Xlog:cds*=off";

    /** A JVM without HotSpot's archive options (OpenJ9) starts anyway, without sharing. */
    static final String TOLERANT = "-XX:+IgnoreUnrecognizedVMOptions";

    private static final System.Logger LOG = System.getLogger(AppCds.class.getName());

    static final String ENABLED = "flagtest.e2e.cds";
    static final String DIR = "flagtest.e2e.cds.dir";

    private final Path dir; // null: off

    public AppCds(Path dir) {
        this.dir = dir;
    }

    /** No class-data sharing: functions start with the JVM's default archive only. */
    public static AppCds off() {
        return new AppCds(null);
    }

    /**
     * As configured: {@code flagtest.e2e.cds=false} turns it off; archives live in {@code
     * flagtest.e2e.cds.dir}, by default {@code flagtest-cds-<user>} under {@code java.io.tmpdir},
     * shared by every build of the machine's user like a dependency cache.
     */
    public static AppCds from(Function<String, Optional<String>> config) {
        String enabled = config.apply(ENABLED).orElse("true").trim();
        if (enabled.equalsIgnoreCase("false")) {
            return off();
        }
        if (!enabled.equalsIgnoreCase("true")) {
            throw new ExtensionConfigurationException(ENABLED + "=" + enabled
                    + " is not a boolean; use true (the default: embedded functions share class data) or false");
        }
        return new AppCds(config.apply(DIR)
                .map(Path::of)
                .orElseGet(() -> Path.of(
                        System.getProperty("java.io.tmpdir"), "flagtest-cds-" + System.getProperty("user.name"))));
    }

    /**
     * How one runtime launch shares class data: the JVM runs {@code runtimeClassPath} (jars) and
     * loads the function's {@code classPath} through a class loader of its own, whose classes the
     * dynamic archive keeps too (checked by their bytes when loaded again).
     */
    Launch launch(List<String> jvmOptions, String runtimeClassPath, String classPath) {
        if (dir == null) {
            return new Launch(List.of(), classPath, null, null);
        }
        try {
            ownDirectory();
            prune();
            String jars = jarredClassPath(classPath);
            Path archive = dir.resolve(key(jvmOptions, runtimeClassPath + File.pathSeparator + jars) + ".jsa");
            if (Files.isRegularFile(archive)) {
                touch(archive);
                return new Launch(List.of(TOLERANT, "-XX:SharedArchiveFile=" + archive, QUIET), jars, null, archive);
            }
            Path recording = Files.createTempFile(dir, "archive-", RECORDING);
            Files.delete(recording); // the JVM writes it when it exits
            return new Launch(
                    List.of(TOLERANT, "-XX:ArchiveClassesAtExit=" + recording, QUIET), jars, recording, archive);
        } catch (IOException | UncheckedIOException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "flagtest: no class-data sharing in " + dir + " (" + e
                            + "); embedded functions start without it, which is only slower");
            return new Launch(List.of(), classPath, null, null);
        }
    }

    /**
     * This user's private directory of archives, where the runtime's own jars may be laid out too (a
     * stable place, so archives match from one build to the next); empty when sharing is off or the
     * directory is not private.
     */
    Optional<Path> privateDirectory() {
        if (dir == null) {
            return Optional.empty();
        }
        try {
            ownDirectory();
            return Optional.of(dir);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty(); // launch() says why, once per function start
        }
    }

    /**
     * Creates the directory private to this user, or checks that it is: a JVM maps an archive's
     * classes without verifying them, so nobody else may be able to put one there.
     */
    private void ownDirectory() throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        // this process's user as the file system names it (user.name can be "?" in a container)
        Path probe = Files.createTempFile(dir, "owner-", ".probe");
        UserPrincipal me;
        try {
            me = Files.getOwner(probe);
        } finally {
            Files.delete(probe);
        }
        UserPrincipal owner = Files.getOwner(dir);
        if (!owner.equals(me)) {
            throw new IOException(dir + " belongs to " + owner.getName() + ", not to " + me.getName() + "; set " + DIR
                    + " to a directory of yours");
        }
        if (posix) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
            if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new IOException(dir + " is writable by others (" + PosixFilePermissions.toString(permissions)
                        + "); make it rwx------ or set " + DIR + " to a private directory");
            }
        }
    }

    /** {@code classPath} with each non-empty directory replaced by a jar of its content. */
    String jarredClassPath(String classPath) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            entries.add(isNonEmptyDirectory(path) ? jarOf(path).toString() : entry);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static boolean isNonEmptyDirectory(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> children = Files.list(path)) {
            return children.findAny().isPresent();
        }
    }

    /** A jar of {@code directory}'s files, named by their paths, sizes and times. */
    private Path jarOf(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(f -> !f.equals(directory)).sorted().toList();
        }
        StringBuilder identity = new StringBuilder(directory.toAbsolutePath().toString()).append('\n');
        for (Path file : files) {
            identity.append(directory.relativize(file)).append(' ');
            if (Files.isRegularFile(file)) {
                identity.append(Files.size(file))
                        .append(' ')
                        .append(Files.getLastModifiedTime(file).toMillis());
            }
            identity.append('\n');
        }
        Path jar = dir.resolve("classes-" + hash(identity.toString()) + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar; // not touched: the archive and the JVM know a jar by its size and time
        }
        Path partial = Files.createTempFile(dir, "classes-", ".partial");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial))) {
            for (Path file : files) {
                String name = directory.relativize(file).toString().replace(File.separatorChar, '/');
                if (Files.isDirectory(file)) {
                    out.putNextEntry(new JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(file, out);
                }
                out.closeEntry();
            }
        }
        try {
            Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException twin) {
            Files.delete(partial); // a concurrent launch made the same jar first: keep its (archived) time
        }
        return jar;
    }

    /**
     * One launch: the JVM options to add, the function's class path to load (class directories as
     * jars), and where a recording launch leaves its archive.
     *
     * @param recording where the JVM writes its archive at exit; null when an archive is used
     */
    record Launch(List<String> options, String classPath, Path recording, Path archive) {

        boolean records() {
            return recording != null;
        }

        /**
         * After the JVM exited: publishes what it recorded (atomically; a concurrent twin may win). Runs
         * on the process's exit callback, where a thrown exception would go unseen, so a failure is
         * logged: without the archive the next start is only slower.
         */
        void exited() {
            if (recording == null) {
                return;
            }
            try {
                if (Files.isRegularFile(recording) && Files.size(recording) > 0) {
                    Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.deleteIfExists(recording);
                }
            } catch (NoSuchFileException published) {
                // the exit callback and stop() both publish; the other one was first
            } catch (IOException e) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "flagtest: cannot keep the class-data archive " + archive + ": " + e);
            }
        }
    }

    static String key(List<String> jvmOptions, String classPath) {
        StringBuilder identity = new StringBuilder()
                .append(System.getProperty("java.home"))
                .append('\n')
                .append(System.getProperty("java.vm.version"))
                .append('\n')
                .append(String.join(" ", jvmOptions))
                .append('\n');
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            identity.append(entry);
            try {
                if (Files.isRegularFile(path)) {
                    identity.append(' ')
                            .append(Files.size(path))
                            .append(' ')
                            .append(Files.getLastModifiedTime(path).toMillis());
                }
            } catch (IOException e) {
                identity.append(" ?");
            }
            identity.append('\n');
        }
        return hash(identity.toString());
    }

    private static String hash(String identity) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void touch(Path archive) {
        try {
            Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
        } catch (NoSuchFileException pruned) {
            // a concurrent build pruned it after the check: this launch finds no archive and runs without one
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot mark the class-data archive " + archive + " as used: " + e, e);
        }
    }

    /**
     * Keeps the most recently used archives and the newest class jars; deletes the rest, the stale,
     * and recordings a killed JVM left half-written. One listing of the directory serves all three.
     */
    private void prune() throws IOException {
        Map<Path, Instant> times = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                try {
                    times.put(file, Files.getLastModifiedTime(file).toInstant());
                } catch (NoSuchFileException gone) {
                    // a concurrent build pruned it first
                }
            }
        }
        prune(times, ".jsa", KEPT_ARCHIVES, UNUSED);
        prune(times, ".jar", KEPT_JARS, UNUSED);
        prune(times, RECORDING, Integer.MAX_VALUE, Duration.ofDays(1));
    }

    private static void prune(Map<Path, Instant> times, String suffix, int kept, Duration maxAge) throws IOException {
        Instant oldest = Instant.now().minus(maxAge);
        List<Path> newestFirst = times.keySet().stream()
                .filter(file -> file.toString().endsWith(suffix))
                .sorted(Comparator.comparing(times::get).reversed())
                .toList();
        for (int i = 0; i < newestFirst.size(); i++) {
            Path file = newestFirst.get(i);
            if (i >= kept || times.get(file).isBefore(oldest)) {
                Files.deleteIfExists(file);
            }
        }
    }
}
