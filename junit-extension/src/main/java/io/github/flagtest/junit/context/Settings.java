package io.github.flagtest.junit.context;

import io.github.flagtest.core.FlagCatalog;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * flagtest's configuration parameters. Each is read from JUnit's configuration parameters (in
 * JUnit's order: the launcher's, then system properties, then {@code junit-platform.properties}),
 * then from a {@code flagtest.properties} file on the test class path, so a project whose framework
 * ships its own {@code junit-platform.properties} (Quarkus) configures flagtest without shadowing it.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public record Settings(
        Mode undeclared,
        Mode unread,
        boolean report,
        Path reportDir,
        Optional<FlagCatalog> catalog,
        Optional<FlagCatalog> profile,
        List<String> callSiteSkip) {

    static final String UNDECLARED = "flagtest.undeclared";
    static final String UNREAD = "flagtest.unread";
    public static final String REPORT = "flagtest.report";
    public static final String REPORT_DIR = "flagtest.report.dir";
    static final String CATALOG = "flagtest.catalog";
    static final String PROFILE = "flagtest.profile";
    static final String CALLSITE_SKIP = "flagtest.callsite.skip";

    /** What a warning does. */
    public enum Mode {
        OFF,
        WARN,
        FAIL
    }

    /** The settings of this engine run, read once and kept in the root store. */
    public static Settings of(ExtensionContext context) {
        return context.getRoot()
                .getStore(Stores.NAMESPACE)
                .getOrComputeIfAbsent(Settings.class, key -> read(context), Settings.class);
    }

    /** {@code key} from JUnit's configuration parameters, else from {@code flagtest.properties}. */
    public static Optional<String> parameter(ExtensionContext context, String key) {
        return context.getConfigurationParameter(key).or(() -> FlagtestProperties.get(context, key));
    }

    private static Settings read(ExtensionContext context) {
        return new Settings(
                mode(context, UNDECLARED, Mode.OFF, "off, warn or fail"),
                mode(context, UNREAD, Mode.WARN, "warn or fail"),
                bool(context, REPORT, true),
                Path.of(parameter(context, REPORT_DIR).orElse("target/flagtest")),
                parameter(context, CATALOG)
                        .filter(path -> !path.isBlank())
                        .map(path -> FlagDocuments.load(CATALOG, path, context)),
                parameter(context, PROFILE)
                        .filter(path -> !path.isBlank()) // an unset Maven property arrives as ""
                        .map(path -> FlagDocuments.load(PROFILE, path, context)),
                parameter(context, CALLSITE_SKIP)
                        .map(value -> Arrays.stream(value.split(","))
                                .map(String::trim)
                                .filter(prefix -> !prefix.isEmpty())
                                .toList())
                        .orElse(List.of()));
    }

    private static Mode mode(ExtensionContext context, String key, Mode fallback, String allowed) {
        Optional<String> value = parameter(context, key);
        if (value.isEmpty()) {
            return fallback;
        }
        String text = value.get().trim().toUpperCase(Locale.ROOT);
        boolean offAllowed = allowed.startsWith("off");
        try {
            Mode mode = Mode.valueOf(text);
            if (mode != Mode.OFF || offAllowed) {
                return mode;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the allowed values
        }
        throw new ExtensionConfigurationException(
                "Configuration parameter " + key + "=" + value.get() + " is not valid; use " + allowed);
    }

    private static boolean bool(ExtensionContext context, String key, boolean fallback) {
        Optional<String> value = parameter(context, key);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new ExtensionConfigurationException(
                        "Configuration parameter " + key + "=" + value.get() + " is not valid; use true or false");
        };
    }
}
