package io.github.flagtest.junit.record;

import java.util.List;
import java.util.Optional;

/**
 * The Maven build this JVM runs in, so that the run files of its Surefire and Failsafe JVMs join one
 * report however far apart in time they ran. Surefire and Failsafe start a fork as {@code /bin/sh -c
 * "cd dir && java ..."} (maven-shared-utils' {@code Commandline} on Unix) or directly, and run
 * in the Maven JVM itself with {@code forkCount=0}; so the Maven JVM is this process, its parent, or
 * its parent's parent when the parent is a shell. The Maven JVM is the one the {@code mvn} script
 * starts: plexus-classworlds' launcher with {@code -Dclassworlds.conf}. The Maven daemon ({@code
 * mvnd}) outlives builds and IDE or Gradle runs have no Maven parent: no build id, and the report
 * groups their files by time as before.
 */
final class BuildId {

    private static final String CLASSWORLDS_LAUNCHER = "org.codehaus.plexus.classworlds.launcher.Launcher";
    private static final String CLASSWORLDS_CONF = "-Dclassworlds.conf=";
    private static final String MVND_PROPERTY = "-Dmvnd.";

    private BuildId() {}

    /** {@code maven-<pid>-<start>} of the Maven JVM running this one, if there is one. */
    static Optional<String> current() {
        return of(ProcessHandle.current());
    }

    static Optional<String> of(ProcessHandle process) {
        if (isMaven(process)) {
            return id(process);
        }
        Optional<ProcessHandle> parent = process.parent();
        if (parent.isEmpty()) {
            return Optional.empty();
        }
        if (isMaven(parent.get())) {
            return id(parent.get());
        }
        if (isJava(parent.get())) {
            return Optional.empty(); // a JVM started this one directly: an IDE, Gradle, a test
        }
        return parent.get().parent().filter(BuildId::isMaven).flatMap(BuildId::id);
    }

    private static Optional<String> id(ProcessHandle maven) {
        return maven.info().startInstant().map(start -> "maven-" + maven.pid() + "-" + start.toEpochMilli());
    }

    private static boolean isMaven(ProcessHandle process) {
        List<String> arguments = process.info().arguments().map(List::of).orElse(List.of());
        boolean classworlds = arguments.contains(CLASSWORLDS_LAUNCHER)
                || arguments.stream().anyMatch(argument -> argument.startsWith(CLASSWORLDS_CONF));
        // mvnd starts its daemon through classworlds too (its DaemonConnector), with -Dmvnd.home
        return classworlds && arguments.stream().noneMatch(argument -> argument.startsWith(MVND_PROPERTY));
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> command.endsWith("/java") || command.endsWith("\\java.exe"))
                .orElse(false);
    }
}
