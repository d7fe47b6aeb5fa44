package io.github.flagtest.junit.matrix;

import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.junit.context.Settings;
import io.github.flagtest.junit.context.Stores;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tracks which flags of one {@link FlagMatrix} the code under test read in any of its runs. When the
 * last run completes (the last invocation of a method matrix; {@code afterAll} of a class matrix) it warns about, or fails for, flags that were never read. JUnit closes it from the
 * template's store; that reports too if runs were skipped.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
// JUnit closes a store value once: as AutoCloseable from 5.13, as CloseableResource before
@SuppressWarnings("deprecation")
public final class UnreadFlags implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private static final System.Logger LOG = System.getLogger("io.github.flagtest");

    private final String where;
    private final Settings.Mode mode;
    private final int expectedCompletions;
    private final Set<String> unread; // guarded by this
    private int tests; // guarded by this
    private int completions; // guarded by this
    private boolean reported; // guarded by this

    UnreadFlags(String where, Collection<String> flags, Settings.Mode mode, int expectedCompletions) {
        this.where = where;
        this.mode = mode;
        this.expectedCompletions = expectedCompletions;
        this.unread = new LinkedHashSet<>(flags);
    }

    /** A test ran under this matrix and read {@code flagsRead}. */
    public synchronized void ran(Collection<String> flagsRead) {
        tests++;
        unread.removeAll(flagsRead);
    }

    /**
     * One run of the matrix completed; after the last one, the failure to throw (with {@code
     * flagtest.unread=fail}), if any. Warnings are logged here.
     */
    public synchronized Optional<ExtensionConfigurationException> completed() {
        completions++;
        return completions == expectedCompletions ? report() : Optional.empty();
    }

    /** Every run completed (a class matrix's {@code afterAll}): the failure to throw, if any. */
    public synchronized Optional<ExtensionConfigurationException> finished() {
        return report();
    }

    void storeIn(ExtensionContext template) {
        template.getStore(Stores.NAMESPACE).put(key(template), this);
    }

    /** The tracker of the class matrix declared by {@code context} itself, if any. */
    public static Optional<UnreadFlags> ownedBy(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(Stores.NAMESPACE).get(key(context), UnreadFlags.class));
    }

    private static String key(ExtensionContext context) {
        return "unread:" + context.getUniqueId();
    }

    synchronized List<String> unread() {
        return List.copyOf(unread);
    }

    @Override
    public synchronized void close() {
        Optional<ExtensionConfigurationException> failure = report();
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    private Optional<ExtensionConfigurationException> report() {
        if (reported || unread.isEmpty() || tests == 0 || mode == Settings.Mode.OFF) {
            return Optional.empty();
        }
        reported = true;
        String message = "@FlagMatrix on " + where + ": the code under test never read " + unread() + " in any of "
                + tests + " runs through FakeFlags, @FlagClient, OpenFeature or AppConfigEndpoint, so the matrix"
                + " may prove nothing; read the flag through one of them or remove it from the matrix"
                + (mode == Settings.Mode.FAIL ? "" : " (flagtest.unread=fail makes this an error)");
        if (mode == Settings.Mode.FAIL) {
            return Optional.of(new ExtensionConfigurationException(message));
        }
        LOG.log(System.Logger.Level.WARNING, "flagtest: " + message);
        return Optional.empty();
    }
}
