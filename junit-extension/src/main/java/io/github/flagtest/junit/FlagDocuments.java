package io.github.flagtest.junit;

import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.core.FlagTestException;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Loads the flag documents named by settings, from the test class path first, then as a file path. */
final class FlagDocuments {

    private FlagDocuments() {}

    static FlagCatalog load(String setting, String location, ExtensionContext context) {
        ClassLoader loader = context.getTestClass()
                .map(Class::getClassLoader)
                .orElseGet(() -> Thread.currentThread().getContextClassLoader());
        try {
            return FlagCatalog.locate(location, loader);
        } catch (FlagTestException e) {
            throw new ExtensionConfigurationException(setting + "=" + location + ": " + e.getMessage(), e);
        }
    }
}
