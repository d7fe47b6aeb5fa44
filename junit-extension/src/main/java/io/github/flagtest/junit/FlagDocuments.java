package io.github.flagtest.junit;

import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.core.FlagTestException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Loads flag documents: from the test class path first, then as a file path. */
final class FlagDocuments {

    private FlagDocuments() {}

    static FlagCatalog load(String setting, String location, ExtensionContext context) {
        String resource = location.startsWith("/") ? location.substring(1) : location;
        ClassLoader loader = context.getTestClass()
                .map(Class::getClassLoader)
                .orElseGet(() -> Thread.currentThread().getContextClassLoader());
        URL url = loader == null ? null : loader.getResource(resource);
        try {
            if (url != null) {
                try (InputStream in = url.openStream()) {
                    return FlagCatalog.parse(
                            new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + resource);
                }
            }
            Path file = Path.of(location).toAbsolutePath();
            if (Files.isRegularFile(file)) {
                return FlagCatalog.load(file);
            }
            throw new ExtensionConfigurationException(setting + "=" + location
                    + ": no such flag document on the test class path (classpath:" + resource + ") nor as a file ("
                    + file + "); fix the path or add the document to src/test/resources");
        } catch (FlagTestException e) {
            throw new ExtensionConfigurationException(setting + "=" + location + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + url, e);
        }
    }
}
