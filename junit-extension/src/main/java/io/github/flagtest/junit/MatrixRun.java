package io.github.flagtest.junit;

import io.github.flagtest.core.FlagState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The assignment of one matrix invocation, kept in the store of that invocation's context. */
record MatrixRun(
        String where, FlagMatrix.Strategy strategy, FlagState assignment, UnreadFlags unread, boolean classLevel) {

    void storeIn(ExtensionContext invocation) {
        invocation.getStore(FlagExtension.NAMESPACE).put(key(invocation), this);
    }

    /** The runs of every matrix around {@code context}, outermost first (class, then method). */
    static List<MatrixRun> around(ExtensionContext context) {
        List<MatrixRun> runs = new ArrayList<>();
        for (Optional<ExtensionContext> current = Optional.of(context);
                current.isPresent();
                current = current.get().getParent()) {
            ExtensionContext level = current.get();
            MatrixRun run = level.getStore(FlagExtension.NAMESPACE).get(key(level), MatrixRun.class);
            if (run != null) {
                runs.add(0, run);
            }
        }
        return runs;
    }

    private static String key(ExtensionContext context) {
        return "matrix-run:" + context.getUniqueId();
    }
}
