package io.github.flagtest.junit;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Tracks which flags of one {@link FlagMatrix} the code under test read in any of its runs; closed
 * (by JUnit, from the template's store) after the last run, it warns or fails for unread flags.
 */
final class UnreadFlags implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.github.flagtest");

    private final String where;
    private final Settings.Mode mode;
    private final Set<String> unread; // guarded by this
    private final AtomicInteger runs = new AtomicInteger();

    UnreadFlags(String where, Collection<String> flags, Settings.Mode mode) {
        this.where = where;
        this.mode = mode;
        this.unread = new LinkedHashSet<>(flags);
    }

    synchronized void ran(Collection<String> flagsRead) {
        runs.incrementAndGet();
        unread.removeAll(flagsRead);
    }

    synchronized List<String> unread() {
        return List.copyOf(unread);
    }

    @Override
    public void close() {
        List<String> never = unread();
        if (never.isEmpty() || runs.get() == 0) {
            return;
        }
        String message = "@FlagMatrix on " + where + ": the code under test never read " + never + " in any of "
                + runs.get() + " runs through FakeFlags, @FlagClient, OpenFeature or AppConfigEndpoint, so the matrix"
                + " may prove nothing; read the flag through one of them or remove it from the matrix"
                + (mode == Settings.Mode.FAIL ? "" : " (flagtest.unread=fail makes this an error)");
        if (mode == Settings.Mode.FAIL) {
            throw new ExtensionConfigurationException(message);
        }
        LOG.log(System.Logger.Level.WARNING, "flagtest: " + message);
    }
}
