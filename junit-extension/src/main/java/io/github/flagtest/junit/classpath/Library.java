package io.github.flagtest.junit.classpath;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A library on the test class path, found by one of its classes: its artifact name, its version
 * (from the jar's manifest, else from the jar's file name) and where it was loaded from.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public record Library(String artifact, String version, String location) {

    static final String UNKNOWN = "unknown";

    /** The library that holds {@code className}, if that class is on the class path. */
    public static Optional<Library> of(String artifact, String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, Library.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        Optional<Path> jar = location(type);
        String version = jar.flatMap(Library::manifestVersion)
                .or(() -> jar.flatMap(path -> fileNameVersion(artifact, path)))
                .orElse(UNKNOWN);
        return Optional.of(
                new Library(artifact, version, jar.map(Path::toString).orElse("(no jar)")));
    }

    private static Optional<Path> location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> manifestVersion(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getManifest() == null) {
                return Optional.empty();
            }
            Attributes main = file.getManifest().getMainAttributes();
            return Optional.ofNullable(main.getValue(Attributes.Name.IMPLEMENTATION_VERSION))
                    .or(() -> Optional.ofNullable(main.getValue("Bundle-Version")))
                    .filter(version -> Character.isDigit(version.charAt(0)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> fileNameVersion(String artifact, Path jar) {
        Matcher matcher = Pattern.compile(Pattern.quote(artifact) + "-(\\d[^/]*)\\.jar$")
                .matcher(jar.getFileName().toString());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Whether this version is at least {@code major.minor}; an unknown version is given the benefit of the doubt. */
    public boolean atLeast(int major, int minor) {
        int[] parts = numbers(version);
        return parts.length == 0 || parts[0] > major || (parts[0] == major && parts[1] >= minor);
    }

    /** The first two numbers of the version ({@code 5.12.2} -> {@code [5, 12]}); empty when unknown. */
    static int[] numbers(String version) {
        Matcher matcher = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version);
        return matcher.find()
                ? new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))}
                : new int[0];
    }

    @Override
    public String toString() {
        return artifact + " " + version + " (" + location + ")";
    }
}
