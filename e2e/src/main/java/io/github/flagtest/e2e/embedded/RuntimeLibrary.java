package io.github.flagtest.e2e.embedded;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The embedded Lambda's runtime, as Lambda's {@code /var/runtime/lib} ({@code LAMBDA_RUNTIME_DIR}):
 * the Runtime Interface Client, its own {@code aws-lambda-java-core}, serializers and {@code
 * utils-lite}, shipped inside flagtest's jar (see the e2e pom). A function JVM runs them on its
 * class path and loads the function's package apart, through the RIC's own class loader over {@code
 * LAMBDA_TASK_ROOT}, so the function's jars (an older {@code aws-lambda-java-core}, say) never
 * replace the runtime's, as on Lambda.
 *
 * @param dir the runtime directory
 * @param jars the runtime's class path
 */
record RuntimeLibrary(Path dir, List<Path> jars) {

    static final String RESOURCES = "runtime/";

    /** The bundled jars, in class path order. */
    static final List<String> JARS = List.of(
            "aws-lambda-java-runtime-interface-client.jar",
            "aws-lambda-java-core.jar",
            "aws-lambda-java-serialization.jar",
            "utils-lite.jar");

    /** The runtime's class path. */
    String classPath() {
        return String.join(File.pathSeparator, jars.stream().map(Path::toString).toList());
    }

    /**
     * The bundled runtime: where flagtest's classes are a directory, its jars as they are; inside a
     * jar, copied once into {@code under} (a directory of this user's; a stable place lets the
     * function JVMs' class-data archives match from one build to the next), in a sub-directory named
     * by their content.
     */
    static RuntimeLibrary locate(Path under) {
        List<URL> urls = new ArrayList<>();
        for (String jar : JARS) {
            URL url = RuntimeLibrary.class.getResource(RESOURCES + jar);
            if (url == null) {
                throw new IllegalStateException("flagtest's embedded Lambda runtime is incomplete: "
                        + RESOURCES + jar + " is missing beside " + RuntimeLibrary.class.getName()
                        + "; rebuild flagtest-e2e");
            }
            urls.add(url);
        }
        try {
            if (urls.stream().allMatch(url -> url.getProtocol().equals("file"))) {
                List<Path> jars = new ArrayList<>();
                for (URL url : urls) {
                    jars.add(Path.of(url.toURI()));
                }
                return new RuntimeLibrary(jars.get(0).getParent(), List.copyOf(jars));
            }
            return extract(urls, under);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lay out the embedded Lambda runtime in " + under + ": " + e, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Not a file URL: " + e.getInput(), e);
        }
    }

    static RuntimeLibrary extract(List<URL> urls, Path under) throws IOException {
        MessageDigest digest = sha256();
        List<byte[]> contents = new ArrayList<>();
        for (URL url : urls) {
            try (InputStream in = url.openStream()) {
                byte[] bytes = in.readAllBytes();
                digest.update(bytes);
                contents.add(bytes);
            }
        }
        Path dir = under.resolve("lambda-runtime-" + HexFormat.of().formatHex(digest.digest(), 0, 12));
        Files.createDirectories(dir);
        List<Path> jars = new ArrayList<>();
        for (int i = 0; i < JARS.size(); i++) {
            Path jar = dir.resolve(JARS.get(i));
            if (!Files.isRegularFile(jar)) {
                Path partial = Files.createTempFile(dir, "partial-", ".tmp");
                Files.write(partial, contents.get(i));
                try {
                    Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException twin) {
                    Files.delete(partial); // a concurrent test JVM laid it out first: same content
                }
            }
            jars.add(jar);
        }
        return new RuntimeLibrary(dir, List.copyOf(jars));
    }

    /**
     * The RIC's JNI library, copied into {@code dir}: every function JVM loads it from there instead
     * of the RIC's single fixed /tmp path, so parallel runtimes never race on it.
     */
    Path extractJni(Path dir) throws IOException {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String name = arch.equals("aarch64") || arch.equals("arm64")
                ? "libaws-lambda-jni.linux-aarch_64.so"
                : "libaws-lambda-jni.linux-x86_64.so";
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64") || name.contains("aarch"))) {
            throw new UnsupportedOperationException("The embedded E2E backend runs functions with the AWS Lambda"
                    + " Runtime Interface Client, whose native library exists for Linux x86_64 and aarch64 only (this"
                    + " is " + os + "/" + arch + "); use flagtest.e2e.backend=localstack, floci or endpoint instead");
        }
        try (ZipFile ric = new ZipFile(jars.get(0).toFile())) {
            ZipEntry entry = ric.getEntry("jni/" + name);
            if (entry == null) {
                throw new IllegalStateException(jars.get(0) + " has no jni/" + name);
            }
            Path target = dir.resolve(name);
            try (InputStream in = ric.getInputStream(entry)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
