package io.github.flagtest.e2e.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The output of a function's runtime processes, line by line, keeping the newest lines. The
 * processes write (stdout and stderr) straight into a file that is read when lines are asked for:
 * what a handler printed before it returned is in the file before its response arrives, so an
 * invocation's log tail is complete. (A thread copying a pipe could still be behind the response.)
 */
final class FunctionLogs implements AutoCloseable {

    static final int MAX_LINES = 10_000;

    /** A line this long without a line break is cut, so one runaway print cannot fill the memory. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final Path file;
    /**
     * Read with {@link RandomAccessFile#read(byte[])}, not a {@code FileChannel}: a channel is closed
     * for good when a thread reading it is interrupted (a test's timeout, an executor shutting down),
     * and every later read of the log would fail.
     */
    private final RandomAccessFile reader; // guarded by this

    private final byte[] buffer = new byte[1 << 16]; // guarded by this
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream(); // guarded by this: an unfinished line
    private final List<String> lines = new ArrayList<>(); // guarded by this
    private long total; // guarded by this: lines ever added
    private boolean closed; // guarded by this

    FunctionLogs(Path file) throws IOException {
        this.file = file;
        Files.deleteIfExists(file);
        Files.createFile(file);
        this.reader = new RandomAccessFile(file.toFile(), "r");
    }

    /** Where the runtime processes write: appended to, so a restarted runtime continues the log. */
    ProcessBuilder.Redirect redirect() {
        return ProcessBuilder.Redirect.appendTo(file.toFile());
    }

    /** A line of flagtest's own (a crash, a timeout), among the function's lines. */
    synchronized void add(String line) {
        catchUp();
        keep(line);
    }

    synchronized long mark() {
        catchUp();
        return total;
    }

    /** The lines added since {@code mark} (those still kept). */
    synchronized List<String> since(long mark) {
        catchUp();
        long firstKept = total - lines.size();
        int from = (int) Math.max(0, mark - firstKept);
        return List.copyOf(lines.subList(from, lines.size()));
    }

    /** Every kept line, after waiting up to {@code quietMillis} for output still being written. */
    synchronized List<String> all(long quietMillis) {
        long deadline = System.currentTimeMillis() + quietMillis;
        long seen = -1;
        catchUp();
        while (seen != total && System.currentTimeMillis() < deadline) {
            seen = total;
            try {
                wait(Math.max(1, Math.min(10, deadline - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            catchUp();
        }
        return List.copyOf(lines);
    }

    /** Reads what the processes wrote since the last call. */
    private void catchUp() {
        if (closed) {
            return;
        }
        try {
            int read;
            while ((read = reader.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        endLine();
                    } else {
                        partial.write(b);
                        if (partial.size() >= MAX_LINE_BYTES) {
                            endLine();
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the function's log " + file + ": " + e, e);
        }
    }

    private void endLine() {
        String line = partial.toString(StandardCharsets.UTF_8);
        partial.reset();
        keep(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }

    private void keep(String line) {
        lines.add(line);
        total++;
        if (lines.size() > MAX_LINES) {
            lines.subList(0, lines.size() - MAX_LINES).clear();
        }
    }

    /** Reads the rest (the lines stay readable), then deletes the file. */
    @Override
    public synchronized void close() {
        catchUp();
        if (partial.size() > 0) {
            endLine();
        }
        closed = true;
        try {
            reader.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the function's log " + file + ": " + e, e);
        }
    }
}
