package io.github.flagtest.junit.record;

import io.github.flagtest.junit.context.Settings;
import io.github.flagtest.junit.context.Stores;
import io.github.flagtest.shaded.jackson.core.JsonEncoding;
import io.github.flagtest.shaded.jackson.core.JsonGenerator;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Appends one JSON line per test to {@code <report dir>/runs/tests-<run>.jsonl}, the input of the
 * flag report. One file per engine run, so parallel JVMs (forks, modules) never share a file; a
 * record is written whole under a lock, so parallel tests never interleave. Records go straight
 * from a JSON generator into the file's buffer: this runs after every test.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
// JUnit closes a store value once: as AutoCloseable from 5.13, as CloseableResource before
@SuppressWarnings("deprecation")
public final class Recorder implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    /** Writes one record; called under the recorder's lock. */
    @FunctionalInterface
    public interface Record {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Object> header;
    private JsonGenerator json; // guarded by this; opened at the first record

    private Recorder(Path file, Map<String, Object> header) {
        this.file = file;
        this.header = header;
    }

    public static Optional<Recorder> of(ExtensionContext context, Settings settings) {
        if (!settings.report()) {
            return Optional.empty();
        }
        return Optional.of(context.getRoot()
                .getStore(Stores.NAMESPACE)
                .getOrComputeIfAbsent(
                        Recorder.class,
                        key -> new Recorder(runFile(settings.reportDir()), RunHeader.of(settings)),
                        Recorder.class));
    }

    private static Path runFile(Path dir) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String id = stamp + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        return dir.resolve("runs").resolve("tests-" + id + ".jsonl");
    }

    /** Appends {@code record} as one line. */
    public synchronized void write(Record record) {
        try {
            if (json == null) {
                Files.createDirectories(file.getParent());
                json = JSON.getFactory()
                        .createGenerator(
                                new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), JsonEncoding.UTF8)
                        .setRootValueSeparator(null); // each record ends its own line
                json.writeObject(header);
                json.writeRaw('\n');
            }
            record.writeTo(json);
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "flagtest cannot write its run record to " + file
                            + "; set flagtest.report.dir to a writable directory or flagtest.report=false",
                    e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (json != null) {
            json.close();
            json = null;
        }
    }
}
