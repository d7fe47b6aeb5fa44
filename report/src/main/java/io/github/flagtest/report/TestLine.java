package io.github.flagtest.report;

import io.github.flagtest.shaded.jackson.core.JsonParser;
import io.github.flagtest.shaded.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One test record, read field by field from Jackson's token stream: only what the report folds,
 * without building a tree per record (the report reads tens of thousands of them).
 */
final class TestLine {

    String className = "?";
    String name;
    String displayName = "";
    boolean e2e;
    String result;
    /** flag -> ON, OFF or a variant, at the start of the test. */
    final Map<String, String> state = new LinkedHashMap<>();
    /** flag -> its value when the test ended (after flips). */
    final Map<String, String> finalState = new LinkedHashMap<>();

    final List<String> matrixFlags = new ArrayList<>();
    final List<Read> reads = new ArrayList<>();
    final List<Served> serves = new ArrayList<>();
    final List<EntryPoint> entryPoints = new ArrayList<>();

    /** Reads grouped by call site; {@code line < 0} for a flag read by name over HTTP. */
    static final class Read {
        String flag = "";
        String value;
        String className = "";
        String method = "";
        String site = "";
        int line = -1;
        long count = 1;
        String variant;
    }

    /** A whole document holding the flag, served over HTTP. */
    static final class Served {
        String flag = "";
        String source = "";
        String operation = "";
        long count = 1;
    }

    /** An entry point's calls in this test. */
    static final class EntryPoint {
        String flag = "";
        String declaredAt = "";
        String kind = "field";
        long callsOn;
        long callsOff;
    }

    /** Reads the rest of an object whose start the parser is past; fields in any order. */
    static TestLine read(JsonParser json) throws IOException {
        TestLine test = new TestLine();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "class" -> test.className = text(json, "?");
                case "name" -> test.name = text(json, null);
                case "displayName" -> test.displayName = text(json, "");
                case "e2e" -> test.e2e = value == JsonToken.VALUE_TRUE;
                case "result" -> test.result = text(json, null);
                case "state" -> state(json, test.state);
                case "finalState" -> state(json, test.finalState);
                case "matrices" -> matrices(json, test.matrixFlags);
                case "evaluations" -> objects(json, () -> test.reads.add(readOne(json)));
                case "serves" -> objects(json, () -> test.serves.add(served(json)));
                case "entryPoints" -> objects(json, () -> test.entryPoints.add(entryPoint(json)));
                default -> json.skipChildren();
            }
        }
        return test;
    }

    private interface Step {
        void run() throws IOException;
    }

    /** Calls {@code each} with the parser on each object of the array it is on. */
    private static void objects(JsonParser json, Step each) throws IOException {
        if (json.currentToken() != JsonToken.START_ARRAY) {
            json.skipChildren();
            return;
        }
        JsonToken token;
        while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.START_OBJECT) {
                each.run();
            } else {
                json.skipChildren();
            }
        }
    }

    private static Read readOne(JsonParser json) throws IOException {
        Read read = new Read();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "flag" -> read.flag = text(json, "");
                case "value" -> read.value = RunRecords.value(json);
                case "class" -> read.className = text(json, "");
                case "method" -> read.method = text(json, "");
                case "site" -> read.site = text(json, "");
                case "line" -> read.line = json.getValueAsInt(-1);
                case "count" -> read.count = json.getValueAsLong(1);
                case "variant" -> read.variant = json.currentToken() == JsonToken.VALUE_STRING ? json.getText() : null;
                default -> json.skipChildren();
            }
        }
        return read;
    }

    private static Served served(JsonParser json) throws IOException {
        Served served = new Served();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "flag" -> served.flag = text(json, "");
                case "source" -> served.source = text(json, "");
                case "operation" -> served.operation = text(json, "");
                case "count" -> served.count = json.getValueAsLong(1);
                default -> json.skipChildren();
            }
        }
        return served;
    }

    private static EntryPoint entryPoint(JsonParser json) throws IOException {
        EntryPoint entryPoint = new EntryPoint();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            switch (field) {
                case "flag" -> entryPoint.flag = text(json, "");
                case "declaredAt" -> entryPoint.declaredAt = text(json, "");
                case "kind" -> entryPoint.kind = text(json, "field");
                case "callsOn" -> entryPoint.callsOn = json.getValueAsLong(0);
                case "callsOff" -> entryPoint.callsOff = json.getValueAsLong(0);
                default -> json.skipChildren();
            }
        }
        return entryPoint;
    }

    private static void state(JsonParser json, Map<String, String> into) throws IOException {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            json.skipChildren();
            return;
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String flag = json.currentName();
            json.nextToken();
            into.put(flag, RunRecords.value(json));
        }
    }

    private static void matrices(JsonParser json, List<String> flags) throws IOException {
        objects(json, () -> {
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                boolean isFlags = json.currentName().equals("flags");
                JsonToken value = json.nextToken();
                if (isFlags && value == JsonToken.START_ARRAY) {
                    while (json.nextToken() != JsonToken.END_ARRAY) {
                        flags.add(json.getText());
                    }
                } else {
                    json.skipChildren();
                }
            }
        });
    }

    private static String text(JsonParser json, String fallback) throws IOException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NULL || token == null) {
            return fallback;
        }
        if (token.isStructStart()) {
            json.skipChildren();
            return fallback;
        }
        return json.getText();
    }
}
