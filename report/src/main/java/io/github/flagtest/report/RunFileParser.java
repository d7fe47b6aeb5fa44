package io.github.flagtest.report;

import io.github.flagtest.shaded.jackson.core.JsonParseException;
import io.github.flagtest.shaded.jackson.core.JsonParser;
import io.github.flagtest.shaded.jackson.core.JsonProcessingException;
import io.github.flagtest.shaded.jackson.core.JsonToken;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.node.JsonNodeFactory;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import io.github.flagtest.shaded.jackson.databind.node.TreeTraversingParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Parses run files ({@code runs/*.jsonl}) on a thread of its own and hands their records over in
 * order, in small batches, so that parsing the next records overlaps folding the last ones; a few
 * batches wait at most, so memory does not grow with the number of tests. A record is a run header
 * ({@link JsonNode}) or a test ({@link TestLine}).
 */
final class RunFileParser implements AutoCloseable {

    /** Records per batch: large enough that handing over costs nothing, small enough to start folding at once. */
    static final int BATCH = 256;

    /** Records of one file, in order; {@code first} on a file's first batch; a failure ends the file. */
    record Batch(Path file, boolean first, List<Object> records, RuntimeException failure) {}

    private static final Batch END = new Batch(null, false, List.of(), null);

    private final BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(4);
    final Thread thread;

    RunFileParser(List<Path> files) {
        thread = new Thread(() -> parse(files), "flagtest-report-parser");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next batch, null after the last; a batch with a failure is the last. */
    Batch next() {
        try {
            Batch batch = batches.take();
            return batch == END ? null : batch;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading flagtest's run records", e);
        }
    }

    /** Stops parsing (when the reader stopped early). */
    @Override
    public void close() {
        thread.interrupt();
    }

    private void parse(List<Path> files) {
        try {
            for (Path file : files) {
                RuntimeException failure = parse(file);
                if (failure != null) {
                    return;
                }
            }
            batches.put(END);
        } catch (InterruptedException e) {
            // the reader stopped: nobody waits for the rest
        }
    }

    /** Parses one file into batches; the failure it handed over, if any. */
    private RuntimeException parse(Path file) throws InterruptedException {
        List<Object> records = new ArrayList<>(BATCH);
        boolean first = true;
        RuntimeException failure = null;
        // from bytes: Jackson's UTF-8 parser decodes only the strings it hands out
        try (InputStream in = Files.newInputStream(file);
                JsonParser json = Json.FACTORY.createParser(in)) {
            while (json.nextToken() == JsonToken.START_OBJECT) {
                records.add(record(json));
                if (records.size() == BATCH) {
                    batches.put(new Batch(file, first, records, null));
                    first = false;
                    records = new ArrayList<>(BATCH);
                }
            }
            if (json.currentToken() != null) {
                throw new JsonParseException(json, "expected a JSON object, got " + json.currentToken());
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            failure = new IllegalArgumentException(
                    file + ":" + line + ": not a flagtest record: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            failure = new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            failure = e;
        }
        batches.put(new Batch(file, first, records, failure));
        return failure;
    }

    /** The record whose start the parser is on: a header as a tree, a test as a {@link TestLine}. */
    private static Object record(JsonParser json) throws IOException {
        JsonToken first = json.nextToken();
        if (first == JsonToken.END_OBJECT) {
            return new TestLine();
        }
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (field.equals("kind") && value == JsonToken.VALUE_STRING) { // the extension writes it first
            return json.getText().equals("run")
                    ? rest(json, JsonNodeFactory.instance.objectNode().put("kind", "run"))
                    : TestLine.read(json);
        }
        // another writer's order: read it whole
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.set(field, Json.tree(json));
        rest(json, record);
        if ("run".equals(record.path("kind").asText())) {
            return record;
        }
        try (JsonParser again = new TreeTraversingParser(record)) {
            again.nextToken();
            return TestLine.read(again);
        }
    }

    /** The remaining fields of the object the parser is in, added to {@code into}. */
    private static ObjectNode rest(JsonParser json, ObjectNode into) throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            json.nextToken();
            into.set(field, Json.tree(json));
        }
        return into;
    }
}
