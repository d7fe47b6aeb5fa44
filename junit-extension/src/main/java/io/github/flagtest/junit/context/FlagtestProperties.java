package io.github.flagtest.junit.context;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The {@code flagtest.properties} file on the test class path (the first one found), read once per
 * engine run; the last place flagtest looks for a setting.
 */
final class FlagtestProperties {

    static final String RESOURCE = "flagtest.properties";

    private final Properties properties;

    private FlagtestProperties(Properties properties) {
        this.properties = properties;
    }

    static Optional<String> get(ExtensionContext context, String key) {
        FlagtestProperties file = context.getRoot()
                .getStore(Stores.NAMESPACE)
                .getOrComputeIfAbsent(FlagtestProperties.class, type -> load(), FlagtestProperties.class);
        return Optional.ofNullable(file.properties.getProperty(key));
    }

    private static FlagtestProperties load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = FlagtestProperties.class.getClassLoader();
        }
        Properties properties = new Properties();
        URL resource = loader.getResource(RESOURCE);
        if (resource != null) {
            try (InputStream in = resource.openStream()) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new ExtensionConfigurationException(
                        "Cannot read " + resource + ": " + e.getMessage() + "; fix or remove the file", e);
            }
        }
        return new FlagtestProperties(properties);
    }
}
