package io.github.flagtest.junit.record;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.junit.FlagExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The JVMs of a stand-in Maven build: a "Maven" JVM started as the {@code mvn} script starts it
 * ({@code -Dclassworlds.conf=...}) runs test JVMs as Surefire and Failsafe do: in its own JVM
 * ({@code forkCount=0}), as a direct child, or through {@code /bin/sh -c "cd dir && java ..."}.
 * Each test JVM runs {@link Fixture} through the JUnit Platform with flagtest's extension.
 */
final class BuildProcesses {

    private BuildProcesses() {}

    /** How a run starts: in the Maven JVM, as its child, or as its child through a shell. */
    enum Fork {
        IN_PROCESS,
        DIRECT,
        SHELL
    }

    /**
     * Runs one build in {@code dir}: a Maven JVM running one test JVM per flag, in {@code forks}
     * order; the files of each run but the last are aged by an hour, as a long Surefire phase
     * before Failsafe would leave them.
     */
    static void maven(Path dir, Path log, List<String> flags, List<Fork> forks) throws Exception {
        maven(dir, log, flags, forks, List.of("-Dclassworlds.conf=" + dir.resolve("m2.conf"))); // as bin/mvn does
    }

    /** The same with the Maven JVM's own options: those of the mvnd daemon, say. */
    static void maven(Path dir, Path log, List<String> flags, List<Fork> forks, List<String> options) throws Exception {
        List<String> command = new ArrayList<>(java());
        command.addAll(options);
        command.add(StandInMaven.class.getName());
        command.add(dir.toString());
        for (int i = 0; i < flags.size(); i++) {
            command.add(forks.get(i) + "=" + flags.get(i));
        }
        run(command, log);
    }

    /** Runs {@link Fixture} reading {@code flag} in a JVM that the test JVM starts, as an IDE would. */
    static void outsideMaven(Path dir, Path log, String flag) throws Exception {
        run(testJvm(dir, flag), log);
    }

    static void run(List<String> command, Path log) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError(command + " failed; its output:\n" + Files.readString(log));
            }
        } finally {
            process.destroyForcibly();
        }
    }

    static List<String> java() {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"));
    }

    static List<String> testJvm(Path dir, String flag) {
        List<String> command = new ArrayList<>(java());
        command.add(TestJvm.class.getName());
        command.add(dir.toString());
        command.add(flag);
        return command;
    }

    /** The stand-in Maven JVM: {@code <report dir> <fork>=<flag>...}. */
    static final class StandInMaven {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            Path log = dir.resolve("forks.log");
            for (int i = 1; i < args.length; i++) {
                Fork fork = Fork.valueOf(args[i].substring(0, args[i].indexOf('=')));
                String flag = args[i].substring(args[i].indexOf('=') + 1);
                switch (fork) {
                    case IN_PROCESS -> TestJvm.runFixture(dir, flag);
                    case DIRECT -> run(testJvm(dir, flag), log);
                    case SHELL ->
                        run(
                                List.of("/bin/sh", "-c", "cd " + quote(dir) + " && " + shellWords(testJvm(dir, flag))),
                                log);
                }
                if (i < args.length - 1) {
                    age(dir.resolve("runs"), Duration.ofHours(1));
                }
            }
        }

        private static String shellWords(List<String> words) {
            return String.join(
                    " ",
                    words.stream()
                            .map(word -> "'" + word.replace("'", "'\"'\"'") + "'")
                            .toList());
        }

        private static String quote(Path dir) {
            return "'" + dir.toString().replace("'", "'\"'\"'") + "'";
        }
    }

    /** Moves the last-modified time of every run file back by {@code by}. */
    static void age(Path runs, Duration by) throws IOException {
        try (Stream<Path> files = Files.list(runs)) {
            for (Path file : files.toList()) {
                FileTime modified = Files.getLastModifiedTime(file);
                Files.setLastModifiedTime(
                        file, FileTime.from(modified.toInstant().minus(by)));
            }
        }
    }

    /** A test JVM: {@code <report dir> <flag>}. */
    static final class TestJvm {
        public static void main(String[] args) {
            runFixture(Path.of(args[0]), args[1]);
        }

        static void runFixture(Path dir, String flag) {
            System.setProperty(Fixture.FLAG, flag);
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            LauncherFactory.create()
                    .execute(
                            LauncherDiscoveryRequestBuilder.request()
                                    .selectors(selectClass(Fixture.class))
                                    .configurationParameters(Map.of("flagtest.report.dir", dir.toString()))
                                    .build(),
                            summary);
            if (summary.getSummary().getTotalFailureCount() > 0
                    || summary.getSummary().getTestsSucceededCount() != 1) {
                summary.getSummary().printFailuresTo(new java.io.PrintWriter(System.out, true), 20);
                throw new AssertionError(
                        "the fixture did not pass once: " + summary.getSummary().getTestsSucceededCount());
            }
        }
    }

    /** Reads the flag its JVM was given. */
    @ExtendWith(FlagExtension.class)
    static class Fixture {
        static final String FLAG = "flagtest.fixture.flag";

        @Test
        void reads(FakeFlags flags) {
            flags.isEnabled(System.getProperty(FLAG));
        }
    }
}
