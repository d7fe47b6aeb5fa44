package io.github.flagtest.junit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * flag report. One file per engine run, so parallel JVMs (forks, modules) never share a file; lines
 * are written under a lock, so parallel tests never interleave.
 */
final class Recorder implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, Object> header;
    private BufferedWriter writer; // guarded by this; opened at the first record

    private Recorder(Path file, Map<String, Object> header) {
        this.file = file;
        this.header = header;
    }

    static Optional<Recorder> of(ExtensionContext context, Settings settings) {
        if (!settings.report()) {
            return Optional.empty();
        }
        return Optional.of(context.getRoot()
                .getStore(FlagExtension.NAMESPACE)
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

    void write(Map<String, Object> record) {
        String line;
        try {
            line = JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("flagtest cannot serialize the record of " + record.get("test"), e);
        }
        synchronized (this) {
            try {
                if (writer == null) {
                    Files.createDirectories(file.getParent());
                    writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    writer.write(JSON.writeValueAsString(header));
                    writer.newLine();
                }
                writer.write(line);
                writer.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "flagtest cannot write its run record to " + file
                                + "; set flagtest.report.dir to a writable directory or flagtest.report=false",
                        e);
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
