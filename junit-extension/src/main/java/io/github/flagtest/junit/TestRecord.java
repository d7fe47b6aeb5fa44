package io.github.flagtest.junit;

import io.github.flagtest.core.Evaluation;
import io.github.flagtest.core.FlagState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The record of one test as the report reads it: id, flag state, reads grouped by call site, entry
 * point calls and result. Reads are grouped so that a loop reading a flag 10,000 times is one entry.
 */
final class TestRecord {

    static final int VERSION = 1;

    private TestRecord() {}

    static Map<String, Object> of(
            ExtensionContext context,
            Settings settings,
            TestFlags test,
            List<Evaluation> evaluations,
            List<EntryPointCall> calls,
            String result,
            String failure) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("kind", "test");
        record.put("version", VERSION);
        record.put("test", context.getUniqueId());
        record.put("class", context.getRequiredTestClass().getName());
        record.put("method", context.getTestMethod().map(m -> m.getName()).orElse(null));
        record.put("displayName", context.getDisplayName());
        record.put("e2e", E2EClass.isE2E(context.getRequiredTestClass()));
        record.put("profile", settings.profile().map(p -> p.source()).orElse(null));
        record.put("catalog", settings.catalog().map(c -> c.source()).orElse(null));
        record.put("state", test.initial.asMap());
        record.put("finalState", test.flags.state().asMap());
        List<Map<String, Object>> matrices = new ArrayList<>();
        for (MatrixRun run : test.matrixRuns) {
            matrices.add(Map.of(
                    "where", run.where(),
                    "strategy", run.strategy().name(),
                    "flags", List.copyOf(run.assignment().flags())));
        }
        record.put("matrices", matrices);
        record.put("evaluations", groupedReads(evaluations));
        record.put("undeclared", List.copyOf(test.flags.undeclaredReads()));
        List<Map<String, Object>> entryPoints = new ArrayList<>();
        for (EntryPoint entryPoint : test.entryPoints) {
            entryPoints.add(Map.of("flag", entryPoint.flag(), "declaredAt", entryPoint.declaredAt()));
        }
        record.put("entryPoints", entryPoints);
        List<Map<String, Object>> callRecords = new ArrayList<>();
        for (EntryPointCall call : calls) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("flag", call.flag().orElse(null));
            entry.put("target", call.target());
            entry.put("method", call.method());
            entry.put("site", call.site());
            entry.put("flagOn", call.flagOn());
            callRecords.add(entry);
        }
        record.put("entryPointCalls", callRecords);
        record.put("result", result);
        record.put("failure", failure);
        return record;
    }

    private static List<Map<String, Object>> groupedReads(List<Evaluation> evaluations) {
        Map<List<Object>, Map<String, Object>> groups = new LinkedHashMap<>();
        for (Evaluation evaluation : evaluations) {
            StackTraceElement site = evaluation.callSite();
            List<Object> key = List.of(
                    evaluation.flag(),
                    FlagState.describe(evaluation.value()),
                    site.getClassName(),
                    site.getMethodName(),
                    evaluation.site());
            Map<String, Object> group = groups.computeIfAbsent(key, k -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("flag", evaluation.flag());
                entry.put("value", FlagState.describe(evaluation.value()));
                entry.put("class", site.getClassName());
                entry.put("method", site.getMethodName());
                entry.put("site", evaluation.site());
                entry.put("line", site.getLineNumber());
                entry.put("count", 0);
                return entry;
            });
            group.put("count", (Integer) group.get("count") + 1);
        }
        return new ArrayList<>(groups.values());
    }
}
