package io.github.flagtest.e2e.embedded;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A handler's class file: its class-file version decides, and limits, the Lambda runtime. Internal
 * to flagtest (public for its E2E deployer).
 */
public final class HandlerClasses {

    private HandlerClasses() {}

    /** The class name of a {@code pkg.Class::method} handler. */
    public static String className(String handler) {
        int colons = handler.indexOf("::");
        return colons < 0 ? handler : handler.substring(0, colons);
    }

    /** The class-file major version (61 for Java 17) of {@code className} as {@code loader} finds it. */
    public static OptionalInt majorVersion(String className, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) {
                return OptionalInt.empty();
            }
            byte[] header = in.readNBytes(8);
            return header.length < 8
                    ? OptionalInt.empty()
                    : OptionalInt.of(((header[6] & 0xff) << 8) | (header[7] & 0xff));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the class file of " + className, e);
        }
    }

    /** The same, from a class path (directories and jars), without loading anything from it. */
    static OptionalInt majorVersion(String className, String classPath) {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                try {
                    urls.add(Path.of(entry).toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException("Not a class path entry: " + entry, e);
                }
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), null)) {
            return majorVersion(className, loader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the class path reader", e);
        }
    }

    /** The error a function's first invocation ends with when its runtime cannot load the handler class. */
    static Optional<String> classVersionError(FunctionRuntime.Config config) {
        String className = className(config.handler());
        OptionalInt major = majorVersion(className, config.classPath());
        return major.isPresent()
                ? LambdaRules.classVersionError(config.runtime(), className, major.getAsInt())
                : Optional.empty();
    }

    /**
     * The Lambda runtime for a handler compiled to {@code major}: java17 up to Java 17 class files
     * (flagtest's floor), java21 up to 21, java25 above.
     */
    public static String runtimeFor(int major) {
        return major <= 61 ? "java17" : major <= 65 ? "java21" : "java25";
    }
}
