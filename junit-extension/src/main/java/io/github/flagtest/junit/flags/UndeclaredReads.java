package io.github.flagtest.junit.flags;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.junit.context.Describe;
import io.github.flagtest.junit.context.Settings;
import io.github.flagtest.junit.context.Stores;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * The {@code flagtest.undeclared} check after each test: flags the code read that no {@code
 * @WithFlag}, matrix, profile or catalog declares, and which therefore answered OFF.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class UndeclaredReads {

    private static final System.Logger LOG = System.getLogger("io.github.flagtest");

    private UndeclaredReads() {}

    /**
     * The failure of a test that read undeclared flags under {@code flagtest.undeclared=fail};
     * under {@code warn}, empty after a warning for flags not yet warned of in the enclosing class or template.
     */
    public static Optional<Throwable> check(ExtensionContext context, Settings settings, FakeFlags flags) {
        List<String> undeclared = List.copyOf(flags.undeclaredReads());
        if (undeclared.isEmpty() || settings.undeclared() == Settings.Mode.OFF) {
            return Optional.empty();
        }
        String fix = undeclared.stream()
                .map(flag -> "@WithFlag(name = \"" + flag + "\", enabled = false)")
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        String message = Describe.test(context) + " read undeclared flag(s) " + undeclared
                + ", which answered OFF (or the caller's default); declare them with " + fix
                + ", a @FlagMatrix, the flagtest.profile or the flagtest.catalog document";
        if (settings.undeclared() == Settings.Mode.FAIL) {
            return Optional.of(new AssertionFailedError(message + " (flagtest.undeclared=fail)"));
        }
        Set<String> warned = context.getParent()
                .orElse(context)
                .getStore(Stores.NAMESPACE)
                .getOrComputeIfAbsent("undeclared-warned", key -> ConcurrentHashMap.<String>newKeySet(), Set.class);
        if (undeclared.stream().anyMatch(flag -> warnedOnce(warned, flag))) {
            LOG.log(System.Logger.Level.WARNING, "flagtest: " + message);
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static boolean warnedOnce(Set<?> warned, String flag) {
        return ((Set<String>) warned).add(flag);
    }
}
