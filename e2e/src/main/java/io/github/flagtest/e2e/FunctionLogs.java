package io.github.flagtest.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The output of a function's runtime processes, line by line, keeping the newest lines. */
final class FunctionLogs {

    static final int MAX_LINES = 10_000;

    private final List<String> lines = new ArrayList<>(); // guarded by this
    private long total; // guarded by this: lines ever added

    /** Copies {@code output} into the log on a daemon thread until it ends. */
    void follow(InputStream output, String threadName) {
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            add(line);
                        }
                    } catch (IOException e) {
                        add("[flagtest] the runtime's output ended: " + e.getMessage());
                    }
                },
                threadName);
        reader.setDaemon(true);
        reader.start();
    }

    synchronized void add(String line) {
        lines.add(line);
        total++;
        if (lines.size() > MAX_LINES) {
            lines.subList(0, lines.size() - MAX_LINES).clear();
        }
        notifyAll();
    }

    synchronized long mark() {
        return total;
    }

    /** The lines added since {@code mark} (those still kept). */
    synchronized List<String> since(long mark) {
        long firstKept = total - lines.size();
        int from = (int) Math.max(0, mark - firstKept);
        return List.copyOf(lines.subList(from, lines.size()));
    }

    /** Every kept line, after waiting up to {@code quietMillis} for output still in flight. */
    synchronized List<String> all(long quietMillis) {
        long deadline = System.currentTimeMillis() + quietMillis;
        long seen = -1;
        while (seen != total && System.currentTimeMillis() < deadline) {
            seen = total;
            try {
                wait(Math.max(1, Math.min(10, deadline - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return List.copyOf(lines);
    }
}
