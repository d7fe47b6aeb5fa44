package io.github.flagtest.junit.context;

import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.core.FlagTestException;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Loads the flag documents named by settings, from the test class path first, then as a file path,
 * and checks the flag names annotations give against the catalog.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class FlagDocuments {

    private FlagDocuments() {}

    public static FlagCatalog load(String setting, String location, ExtensionContext context) {
        ClassLoader loader = context.getTestClass()
                .map(Class::getClassLoader)
                .orElseGet(() -> Thread.currentThread().getContextClassLoader());
        try {
            return FlagCatalog.locate(location, loader);
        } catch (FlagTestException e) {
            throw new ExtensionConfigurationException(setting + "=" + location + ": " + e.getMessage(), e);
        }
    }

    /** A blank name, or a name the catalog lacks (with the closest name it has), is a misconfiguration. */
    public static void checkName(String flag, String annotation, String where, Optional<FlagCatalog> catalog) {
        if (flag.isBlank()) {
            throw new ExtensionConfigurationException(
                    annotation + " on " + where + ": the flag name is blank; name the flag");
        }
        if (catalog.isPresent() && catalog.get().get(flag).isEmpty()) {
            FlagCatalog known = catalog.get();
            String hint = known.closestName(flag)
                    .map(name -> "did you mean '" + name + "'? ")
                    .orElse("");
            throw new ExtensionConfigurationException(annotation + " on " + where + ": flag '" + flag
                    + "' is not in the catalog " + known.source() + "; " + hint
                    + "fix the name or add the flag to the catalog");
        }
    }
}
