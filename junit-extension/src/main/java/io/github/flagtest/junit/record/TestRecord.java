package io.github.flagtest.junit.record;

import io.github.flagtest.core.Evaluation;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.core.Serve;
import io.github.flagtest.junit.EntryPointCall;
import io.github.flagtest.junit.context.Describe;
import io.github.flagtest.junit.context.E2EClass;
import io.github.flagtest.junit.context.Settings;
import io.github.flagtest.junit.current.EntryPoint;
import io.github.flagtest.junit.current.TestFlags;
import io.github.flagtest.junit.matrix.MatrixRun;
import io.github.flagtest.shaded.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The record of one test as the report reads it: id, flag state, reads grouped by call site, entry
 * point calls and result, as one JSON object. Reads are grouped so that a loop reading a flag
 * 10,000 times is one entry. Written straight to the recorder's generator: this runs after every test.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class TestRecord {

    static final int VERSION = 1;

    /** An invocation's own name longer than this (an event's toString, say) is cut to its index. */
    private static final int SHORT_NAME = 60;

    private TestRecord() {}

    public static void write(
            JsonGenerator json,
            ExtensionContext context,
            Settings settings,
            TestFlags test,
            List<Evaluation> evaluations,
            Map<EntryPoint, List<EntryPointCall>> calls,
            String result,
            String failure)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("kind", "test");
        json.writeNumberField("version", VERSION);
        json.writeStringField("test", context.getUniqueId());
        json.writeStringField("class", context.getRequiredTestClass().getName());
        json.writeStringField(
                "method", context.getTestMethod().map(m -> m.getName()).orElse(null));
        json.writeStringField("displayName", context.getDisplayName());
        json.writeStringField("name", name(context, test));
        json.writeBooleanField("e2e", E2EClass.isE2E(context.getRequiredTestClass()));
        json.writeStringField("profile", settings.profile().map(p -> p.source()).orElse(null));
        json.writeStringField("catalog", settings.catalog().map(c -> c.source()).orElse(null));
        writeState(json, "state", test.initial());
        writeState(json, "finalState", test.flags().state());
        json.writeArrayFieldStart("matrices");
        for (MatrixRun run : test.matrixRuns()) {
            json.writeStartObject();
            json.writeStringField("where", run.where());
            json.writeStringField("strategy", run.strategy().name());
            json.writeArrayFieldStart("flags");
            for (String flag : run.assignment().flags()) {
                json.writeString(flag);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        writeReads(json, evaluations);
        writeServes(json, test.flags().serves());
        json.writeArrayFieldStart("undeclared");
        for (String flag : test.flags().undeclaredReads()) {
            json.writeString(flag);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("entryPoints");
        for (EntryPoint entryPoint : test.entryPoints()) {
            List<EntryPointCall> own = calls.getOrDefault(entryPoint, List.of());
            long on = own.stream().filter(EntryPointCall::allowed).count();
            json.writeStartObject();
            json.writeStringField("flag", entryPoint.flag());
            json.writeStringField("declaredAt", entryPoint.declaredAt());
            json.writeStringField("kind", entryPoint.kind());
            json.writeNumberField("callsOn", on);
            json.writeNumberField("callsOff", own.size() - on);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("entryPointCalls");
        for (EntryPointCall call : calls.values().stream().flatMap(List::stream).toList()) {
            json.writeStartObject();
            json.writeStringField("flag", call.flag().orElse(null));
            json.writeStringField("target", call.target());
            json.writeStringField("method", call.method());
            json.writeStringField("site", call.site());
            json.writeBooleanField("flagOn", call.flagOn());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("result", result);
        json.writeStringField("failure", failure);
        json.writeEndObject();
    }

    private static void writeState(JsonGenerator json, String field, FlagState state) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, Object> entry : state.asMap().entrySet()) {
            Object value = FlagState.plain(entry.getValue()); // a multi-variant flag as its default
            if (value instanceof Boolean on) {
                json.writeBooleanField(entry.getKey(), on);
            } else {
                json.writeStringField(entry.getKey(), String.valueOf(value));
            }
        }
        json.writeEndObject();
    }

    /**
     * The test's name in the report: class, method (or its {@code @DisplayName}), the invocation
     * index of a parameterized test and the flag state of its matrices, e.g. {@code
     * OrderHandlerMatrixTest.placesEveryOrder() [1] [loyalty-points=ON, free-shipping=OFF]}. A
     * parameterized test's own long display name is cut to its index: it is often an argument's toString.
     * An invocation over aws-lambda-java-tests' event files adds the file's name: {@code
     * placesEveryOrder() event 1 coupon.json [loyalty-points=ON, free-shipping=OFF]}.
     */
    static String name(ExtensionContext context, TestFlags test) {
        StringBuilder name = new StringBuilder(Describe.type(context.getRequiredTestClass())).append('.');
        boolean invocation = context.getParent()
                .filter(parent -> parent.getTestMethod().isPresent())
                .isPresent();
        ExtensionContext methodContext = invocation ? context.getParent().orElseThrow() : context;
        String methodName = context.getTestMethod().map(m -> m.getName()).orElse("");
        String label = methodContext.getDisplayName();
        name.append(label.startsWith(methodName + "(") ? methodName + "()" : label);
        String leaf = context.getDisplayName();
        FlagState matrixState = MatrixRun.state(test.matrixRuns());
        boolean matrixName = leaf.equals(matrixState.toString());
        if (invocation && !matrixName) {
            // an event file's invocation is named by the file, which its display name does not show
            Optional<String> file = context.getTestMethod()
                    .flatMap(method ->
                            EventFiles.index(context.getUniqueId()).flatMap(index -> EventFiles.of(method, index)))
                    .filter(f -> !leaf.contains(f));
            boolean indexed = leaf.startsWith("[") && leaf.indexOf(']') > 0;
            if (indexed && (file.isPresent() || leaf.length() > SHORT_NAME)) {
                name.append(' ').append(leaf, 0, leaf.indexOf(']') + 1); // not an argument's toString
            } else if (leaf.length() <= SHORT_NAME) {
                name.append(' ').append(leaf);
            }
            file.ifPresent(f -> name.append(' ').append(f));
        }
        if (!matrixState.flags().isEmpty()) {
            name.append(' ').append(matrixState);
        }
        return name.toString();
    }

    /** One entry per flag, answer and call site, with how often it was read there. */
    private static void writeReads(JsonGenerator json, List<Evaluation> evaluations) throws IOException {
        Map<Read, Reads> groups = new LinkedHashMap<>();
        for (Evaluation evaluation : evaluations) {
            groups.computeIfAbsent(Read.of(evaluation), read -> new Reads(evaluation)).count++;
        }
        json.writeArrayFieldStart("evaluations");
        for (Reads reads : groups.values()) {
            StackTraceElement site = reads.first.callSite();
            json.writeStartObject();
            json.writeStringField("flag", reads.first.flag());
            json.writeStringField("value", FlagState.describe(reads.first.value()));
            json.writeStringField("class", site.getClassName());
            json.writeStringField("method", site.getMethodName());
            json.writeStringField("site", reads.first.site());
            json.writeNumberField("line", site.getLineNumber());
            json.writeNumberField("count", reads.count);
            if (reads.first.variant() != null) {
                json.writeStringField("variant", reads.first.variant());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** One entry per flag and whole document served, with how often: served, not read. */
    private static void writeServes(JsonGenerator json, List<Serve> serves) throws IOException {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (Serve serve : serves) {
            for (String flag : serve.flags()) {
                counts.merge(List.of(flag, serve.source(), serve.operation()), 1, Integer::sum);
            }
        }
        json.writeArrayFieldStart("serves");
        for (Map.Entry<List<String>, Integer> entry : counts.entrySet()) {
            json.writeStartObject();
            json.writeStringField("flag", entry.getKey().get(0));
            json.writeStringField("source", entry.getKey().get(1));
            json.writeStringField("operation", entry.getKey().get(2));
            json.writeNumberField("count", entry.getValue());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** What groups reads: the flag, the answer, the variant served and the call site. */
    private record Read(String flag, Object value, String variant, StackTraceElement site) {
        static Read of(Evaluation evaluation) {
            return new Read(evaluation.flag(), evaluation.value(), evaluation.variant(), evaluation.callSite());
        }
    }

    /** The first read of a group and how many there were. */
    private static final class Reads {
        final Evaluation first;
        int count;

        Reads(Evaluation first) {
            this.first = first;
        }
    }
}
