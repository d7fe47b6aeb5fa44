package io.github.flagtest.junit.classpath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Checks, once per JVM, that the test class path holds what flagtest runs on: JUnit jars of one
 * release, JUnit Jupiter 5.10 or later, and a byte-buddy that the Mockito present can use. Such
 * mixes come from a library or BOM that declares an older version (aws-lambda-java-tests, Spring
 * Boot's BOM, assertj-core before 3.25); without this check they end in an obscure {@code
 * NoSuchMethodError} deep in JUnit or Mockito. The facts are fixed for the JVM's life, so they are
 * worked out once.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class ClassPathCheck {

    static final int[] MIN_JUPITER = {5, 10};
    static final int[] MIN_MOCKITO = {4, 11};

    /** The byte-buddy each Mockito line was built with (its POM), by the first Mockito version of the line. */
    private static final NavigableMap<String, int[]> BYTE_BUDDY_FOR_MOCKITO =
            new TreeMap<>(ClassPathCheck::compareVersions);

    static {
        BYTE_BUDDY_FOR_MOCKITO.put("4.11", new int[] {1, 12});
        BYTE_BUDDY_FOR_MOCKITO.put("5.2", new int[] {1, 14});
        BYTE_BUDDY_FOR_MOCKITO.put("5.13", new int[] {1, 15});
        BYTE_BUDDY_FOR_MOCKITO.put("5.18", new int[] {1, 17});
    }

    private ClassPathCheck() {}

    private static final class Once {
        static final Optional<String> PROBLEM = junitProblem(junitJars())
                .or(() -> mockitoProblem(
                        Library.of("mockito-core", "org.mockito.Mockito"),
                        Library.of("byte-buddy", "net.bytebuddy.ByteBuddy")));
    }

    /** What stops flagtest from running on this JVM's class path, if anything. */
    static Optional<String> problem() {
        return Once.PROBLEM;
    }

    /** Fails {@code where} (a test class or method) when the class path cannot run flagtest. */
    public static void verify(String where) {
        Once.PROBLEM.ifPresent(problem -> {
            throw new ExtensionConfigurationException("flagtest cannot run " + where + ": " + problem);
        });
    }

    public static List<Library> junitJars() {
        return Stream.of(
                        Library.of("junit-jupiter-api", "org.junit.jupiter.api.Test"),
                        Library.of("junit-jupiter-engine", "org.junit.jupiter.engine.JupiterTestEngine"),
                        Library.of("junit-jupiter-params", "org.junit.jupiter.params.ParameterizedTest"),
                        Library.of("junit-platform-commons", "org.junit.platform.commons.support.AnnotationSupport"),
                        Library.of("junit-platform-engine", "org.junit.platform.engine.TestEngine"),
                        Library.of("junit-platform-launcher", "org.junit.platform.launcher.Launcher"))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The JUnit release a jar belongs to: Jupiter's {@code 5.12} for Platform {@code 1.12}. */
    static String release(Library jar) {
        int[] numbers = Library.numbers(jar.version());
        if (numbers.length == 0) {
            return Library.UNKNOWN;
        }
        int major = jar.artifact().startsWith("junit-platform") && numbers[0] == 1 ? 5 : numbers[0];
        return major + "." + numbers[1];
    }

    static Optional<String> junitProblem(List<Library> jars) {
        Optional<Library> api = jars.stream()
                .filter(jar -> jar.artifact().equals("junit-jupiter-api"))
                .findFirst();
        boolean old = api.isPresent() && !api.get().atLeast(MIN_JUPITER[0], MIN_JUPITER[1]);
        Map<String, List<Library>> releases = jars.stream()
                .filter(jar -> !release(jar).equals(Library.UNKNOWN))
                .collect(Collectors.groupingBy(ClassPathCheck::release));
        boolean mixed = releases.size() > 1;
        if (!old && !mixed) {
            return Optional.empty();
        }
        String need = old && mixed
                ? "JUnit Jupiter 5.10 or later, with every JUnit jar from one release"
                : old ? "JUnit Jupiter 5.10 or later" : "every JUnit jar from one release (they are mixed)";
        return Optional.of("flagtest needs " + need + ", but the test class path has\n"
                + jars.stream().map(jar -> "  " + jar).collect(Collectors.joining("\n")) + "\n"
                + likelyJUnitSource(jars) + "Fix: import org.junit:junit-bom:" + builtWithJUnit()
                + " (type pom, scope import) in <dependencyManagement>, before any other BOM that manages JUnit;"
                + " with spring-boot-starter-parent set <junit-jupiter.version>" + builtWithJUnit()
                + "</junit-jupiter.version> instead (Gradle: testImplementation(platform(\"org.junit:junit-bom:"
                + builtWithJUnit() + "\"))).");
    }

    private static String likelyJUnitSource(List<Library> jars) {
        List<String> releases = jars.stream()
                .map(ClassPathCheck::release)
                .filter(release -> !release.equals(Library.UNKNOWN))
                .distinct()
                .sorted(ClassPathCheck::compareVersions)
                .toList();
        if (releases.size() > 1) {
            String older = jars.stream()
                    .filter(jar -> !release(jar).equals(releases.get(releases.size() - 1)))
                    .map(Library::artifact)
                    .collect(Collectors.joining(", "));
            return "JUnit " + releases.get(releases.size() - 1) + " and " + releases.get(0)
                    + " are mixed: an explicit <version> on " + older + " beats an imported junit-bom (drop those"
                    + " <version> elements, or align them with the BOM), or a library declared before the others"
                    + " brings the older jars (aws-lambda-java-tests 1.1.x declares JUnit 5.9.2 at compile scope).\n";
        }
        if (jars.stream().anyMatch(jar -> release(jar).equals("5.9"))) {
            return "JUnit 5.9 likely comes from aws-lambda-java-tests 1.1.x, which declares JUnit 5.9.2 at compile scope.\n";
        }
        return "The older jars likely come from a BOM (Spring Boot 3.2-3.5 pins JUnit 5.10-5.12) or from a library"
                + " declared before the others.\n";
    }

    static Optional<String> mockitoProblem(Optional<Library> mockito, Optional<Library> byteBuddy) {
        if (mockito.isEmpty()) {
            return Optional.empty();
        }
        if (!mockito.get().atLeast(MIN_MOCKITO[0], MIN_MOCKITO[1])) {
            return Optional.of("flagtest needs Mockito 4.11 or later, but the test class path has " + mockito.get()
                    + "\nFix: import org.mockito:mockito-bom (4.11 or 5.x) in <dependencyManagement>.");
        }
        Map.Entry<String, int[]> line =
                BYTE_BUDDY_FOR_MOCKITO.floorEntry(mockito.get().version());
        if (byteBuddy.isEmpty() || line == null || byteBuddy.get().atLeast(line.getValue()[0], line.getValue()[1])) {
            return Optional.empty();
        }
        String needed = line.getValue()[0] + "." + line.getValue()[1];
        return Optional.of("mockito-core " + mockito.get().version() + " needs byte-buddy " + needed
                + " or later, but the test class path has\n  " + byteBuddy.get() + "\n  " + mockito.get() + "\n"
                + "so Mockito fails in every test that mocks (NoSuchFieldError or NoSuchMethodError inside Mockito)."
                + " The old byte-buddy likely comes from a library declared before flagtest (assertj-core before"
                + " 3.25 brings byte-buddy 1.12).\nFix: upgrade that library (assertj-core 3.27.x), or declare"
                + " net.bytebuddy:byte-buddy and net.bytebuddy:byte-buddy-agent " + needed
                + ".x or later in <dependencyManagement>.");
    }

    public static String builtWithJUnit() {
        return BuiltWith.JUNIT;
    }

    private static final class BuiltWith {
        static final String JUNIT = load().getProperty("junit.version", "5.14.4");

        private static Properties load() {
            Properties properties = new Properties();
            try (InputStream in = ClassPathCheck.class.getResourceAsStream("build.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read flagtest's build.properties", e);
            }
            return properties;
        }
    }

    private static int compareVersions(String a, String b) {
        int[] x = Library.numbers(a);
        int[] y = Library.numbers(b);
        if (x.length == 0 || y.length == 0) {
            return Integer.compare(x.length, y.length);
        }
        return x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]);
    }
}
