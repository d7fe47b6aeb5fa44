package io.github.flagtest.junit.matrix;

import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.junit.context.Stores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The assignment of one matrix invocation; the runs of a template are kept in its context's store.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public record MatrixRun(
        String where, FlagMatrix.Strategy strategy, FlagState assignment, UnreadFlags unread, boolean classLevel) {

    /** Keeps the runs of the template {@code context}, whose invocation {@code #n} is run {@code n - 1}. */
    static void storeIn(ExtensionContext template, List<MatrixRun> runs) {
        template.getStore(Stores.NAMESPACE).put(key(template), runs);
    }

    /**
     * The runs of every flagtest matrix around {@code context}, outermost first (class, then method):
     * each level that is an invocation of a template whose runs flagtest keeps. Other templates
     * ({@code @RepeatedTest}, a user's own) are passed over.
     */
    public static List<MatrixRun> around(ExtensionContext context) {
        List<MatrixRun> runs = new ArrayList<>();
        for (ExtensionContext level = context;
                level.getParent().isPresent();
                level = level.getParent().get()) {
            int index = invocationIndex(level.getUniqueId());
            if (index > 0) {
                ExtensionContext template = level.getParent().get();
                List<?> templateRuns = template.getStore(Stores.NAMESPACE).get(key(template), List.class);
                if (templateRuns != null && index <= templateRuns.size()) {
                    runs.add(0, (MatrixRun) templateRuns.get(index - 1));
                }
            }
        }
        return runs;
    }

    /** The flags of {@code runs} together, in order: a class-level run's, then a method-level run's. */
    public static FlagState state(List<MatrixRun> runs) {
        Map<String, Object> values = new LinkedHashMap<>();
        runs.forEach(run -> values.putAll(run.assignment().asMap()));
        return FlagState.of(values);
    }

    /** {@code n} for a unique ID ending in {@code [test-template-invocation:#n]} or {@code [class-template-invocation:#n]}; else 0. */
    static int invocationIndex(String uniqueId) {
        int segment = uniqueId.lastIndexOf("/[");
        int hash = uniqueId.indexOf("-template-invocation:#", segment);
        if (segment < 0 || hash < 0 || !uniqueId.endsWith("]")) {
            return 0;
        }
        try {
            return Integer.parseInt(
                    uniqueId.substring(hash + "-template-invocation:#".length(), uniqueId.length() - 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String key(ExtensionContext template) {
        return "matrix-runs:" + template.getUniqueId();
    }
}
