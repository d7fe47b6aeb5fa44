package io.github.flagtest.e2e.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("class-data sharing of embedded functions")
class AppCdsTest {

    static final List<String> OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");
    static final String RUNTIME = "runtime.jar";

    @TempDir
    Path archives;

    @TempDir
    Path project;

    @Test
    @DisplayName("packs each non-empty class directory into a jar named by its content, reused until it changes")
    void classDirectories() throws Exception {
        Path classes = Files.createDirectories(project.resolve("classes/com/example"));
        Files.writeString(classes.resolve("Handler.class"), "bytes");
        Files.writeString(project.resolve("classes/flags.json"), "{}");
        Path empty = Files.createDirectories(project.resolve("empty"));
        Path jar = Files.writeString(project.resolve("lib.jar"), "not really a jar");
        String classPath = String.join(
                File.pathSeparator, project.resolve("classes").toString(), empty.toString(), jar.toString());
        AppCds cds = new AppCds(archives);

        String[] jarred = cds.jarredClassPath(classPath).split(File.pathSeparator);

        assertThat(jarred[0])
                .startsWith(archives.resolve("classes-").toString())
                .endsWith(".jar");
        assertThat(jarred).endsWith(empty.toString(), jar.toString());
        try (JarFile packed = new JarFile(jarred[0])) {
            assertThat(Collections.list(packed.entries()))
                    .extracting(entry -> entry.getName())
                    .containsExactly("com/", "com/example/", "com/example/Handler.class", "flags.json");
        }
        FileTime made = Files.getLastModifiedTime(Path.of(jarred[0]));
        assertThat(cds.jarredClassPath(classPath).split(File.pathSeparator)[0]).isEqualTo(jarred[0]);
        assertThat(Files.getLastModifiedTime(Path.of(jarred[0])))
                .as("reused, not rewritten")
                .isEqualTo(made);

        Files.writeString(classes.resolve("Handler.class"), "changed bytes");
        assertThat(cds.jarredClassPath(classPath).split(File.pathSeparator)[0]).isNotEqualTo(jarred[0]);
    }

    @Test
    @DisplayName("the first launch records an archive at exit; the next one maps it")
    void recordThenMap() throws Exception {
        AppCds cds = new AppCds(archives);

        AppCds.Launch first = cds.launch(OPTIONS, RUNTIME, "app.jar");
        assertThat(first.records()).isTrue();
        assertThat(first.options())
                .containsExactly(AppCds.TOLERANT, "-XX:ArchiveClassesAtExit=" + first.recording(), AppCds.QUIET);
        assertThat(first.recording().getParent()).isEqualTo(archives);
        Files.writeString(first.recording(), "archived classes"); // what the JVM writes as it exits
        first.exited();
        first.exited(); // the exit callback and stop() both call it

        AppCds.Launch second = cds.launch(OPTIONS, RUNTIME, "app.jar");
        assertThat(second.records()).isFalse();
        assertThat(second.options())
                .containsExactly(AppCds.TOLERANT, "-XX:SharedArchiveFile=" + first.archive(), AppCds.QUIET);
        assertThat(Files.readString(first.archive())).isEqualTo("archived classes");
    }

    @Test
    @DisplayName("a runtime that left no archive publishes none, and the next launch records again")
    void nothingRecorded() {
        AppCds cds = new AppCds(archives);

        AppCds.Launch first = cds.launch(OPTIONS, RUNTIME, "app.jar");
        first.exited();

        assertThat(first.archive()).doesNotExist();
        assertThat(cds.launch(OPTIONS, RUNTIME, "app.jar").records()).isTrue();
    }

    @Test
    @DisplayName("an archive belongs to one JVM, option set and class path, down to each jar's size and time")
    void key() throws Exception {
        Path jar = Files.writeString(project.resolve("app.jar"), "v1");
        String key = AppCds.key(OPTIONS, jar.toString());

        assertThat(AppCds.key(OPTIONS, jar.toString())).isEqualTo(key);
        assertThat(AppCds.key(List.of("-Xmx512m", "-XX:+UseSerialGC"), jar.toString()))
                .isNotEqualTo(key);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(AppCds.key(OPTIONS, jar.toString())).isNotEqualTo(key);
    }

    @Test
    @DisplayName("deletes archives unused for a week when it launches")
    void pruneStale() throws Exception {
        Path stale = Files.writeString(archives.resolve("stale.jsa"), "old");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(AppCds.UNUSED.plus(Duration.ofHours(1)))));
        Path fresh = Files.writeString(archives.resolve("fresh.jsa"), "new");

        new AppCds(archives).launch(OPTIONS, RUNTIME, "app.jar");

        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    @DisplayName("deletes recordings a killed runtime left behind, after a day")
    void pruneRecordings() throws Exception {
        Path left = Files.writeString(archives.resolve("archive-1" + AppCds.RECORDING), "half");
        Files.setLastModifiedTime(left, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path writing = Files.writeString(archives.resolve("archive-2" + AppCds.RECORDING), "being written");

        new AppCds(archives).launch(OPTIONS, RUNTIME, "app.jar");

        assertThat(left).doesNotExist();
        assertThat(writing).exists();
    }

    @Test
    @DisplayName("makes its directory private, and runs without sharing from one that others can write to")
    void privateDirectory() throws Exception {
        Assumptions.assumeTrue(
                archives.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path made = archives.resolve("made");

        new AppCds(made).launch(OPTIONS, RUNTIME, "app.jar");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made)))
                .isEqualTo("rwx------");

        Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rwxrwxrwx"));
        AppCds.Launch shared = new AppCds(made).launch(OPTIONS, RUNTIME, project.toString());
        assertThat(shared.options()).isEmpty();
        assertThat(shared.classPath()).isEqualTo(project.toString());
        assertThat(shared.records()).isFalse();
    }

    @Test
    @DisplayName("runs without sharing from a directory another user owns")
    void foreignDirectory() throws Exception {
        Path foreign = Files.createDirectories(archives.resolve("foreign"));
        try {
            UserPrincipal nobody =
                    foreign.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(foreign, nobody);
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("needs to give a directory to user nobody (root on Linux): " + e);
        }

        AppCds.Launch launch = new AppCds(foreign).launch(OPTIONS, RUNTIME, project.toString());

        assertThat(launch.options()).isEmpty();
        assertThat(launch.classPath()).isEqualTo(project.toString());
    }

    @Test
    @DisplayName("keeps only the most recently used archives and the newest class jars")
    void pruneToLimits() throws Exception {
        Instant now = Instant.now();
        for (int i = 0; i < AppCds.KEPT_ARCHIVES + 2; i++) {
            Files.setLastModifiedTime(
                    Files.writeString(archives.resolve("archive-" + i + ".jsa"), "x"),
                    FileTime.from(now.minusSeconds(60L * i)));
        }
        for (int i = 0; i < AppCds.KEPT_JARS + 1; i++) {
            Files.setLastModifiedTime(
                    Files.writeString(archives.resolve("classes-" + i + ".jar"), "x"),
                    FileTime.from(now.minusSeconds(60L * i)));
        }

        new AppCds(archives).launch(OPTIONS, RUNTIME, "app.jar");

        try (Stream<Path> left = Files.list(archives)) {
            assertThat(left.map(file -> file.getFileName().toString()))
                    .contains("archive-0.jsa", "archive-" + (AppCds.KEPT_ARCHIVES - 1) + ".jsa")
                    .doesNotContain("archive-" + AppCds.KEPT_ARCHIVES + ".jsa", "classes-" + AppCds.KEPT_JARS + ".jar")
                    .filteredOn(name -> name.endsWith(".jsa"))
                    .hasSize(AppCds.KEPT_ARCHIVES);
        }
    }

    @Test
    @DisplayName("is on by default, off with flagtest.e2e.cds=false, and refuses other values")
    void configuration() throws Exception {
        Map<String, String> settings = Map.of(AppCds.DIR, archives.toString());

        assertThat(AppCds.from(key -> Optional.ofNullable(settings.get(key)))
                        .launch(OPTIONS, RUNTIME, "app.jar")
                        .options())
                .anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit=" + archives));
        AppCds.Launch off = AppCds.from(key -> key.equals(AppCds.ENABLED) ? Optional.of("false") : Optional.empty())
                .launch(OPTIONS, RUNTIME, project.toString());
        assertThat(off.options()).isEmpty();
        assertThat(off.classPath()).isEqualTo(project.toString());
        assertThat(off.records()).isFalse();
        off.exited();
        assertThatThrownBy(() -> AppCds.from(key -> key.equals(AppCds.ENABLED) ? Optional.of("yes") : Optional.empty()))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("flagtest.e2e.cds=yes is not a boolean; use true (the default: embedded functions share"
                        + " class data) or false");
        try (Stream<Path> left = Files.list(project)) {
            assertThat(left).isEmpty();
        }
    }
}
