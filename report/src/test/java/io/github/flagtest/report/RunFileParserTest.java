package io.github.flagtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.shaded.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("run files parsed on a thread of their own, handed over in order")
class RunFileParserTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("every record of every file in order, in batches; a file's first batch says so")
    void inOrder() throws Exception {
        Path a = file("a.jsonl", 600, null);
        Path b = file("b.jsonl", 3, null);
        List<String> names = new ArrayList<>();
        List<Path> firsts = new ArrayList<>();
        try (RunFileParser parser = new RunFileParser(List.of(a, b))) {
            for (RunFileParser.Batch batch; (batch = parser.next()) != null; ) {
                assertThat(batch.failure()).isNull();
                assertThat(batch.records()).hasSizeLessThanOrEqualTo(RunFileParser.BATCH);
                if (batch.first()) {
                    firsts.add(batch.file());
                }
                for (Object record : batch.records()) {
                    names.add(
                            record instanceof TestLine test
                                    ? test.displayName
                                    : ((JsonNode) record).path("profile").asText());
                }
            }
        }
        assertThat(firsts).containsExactly(a, b);
        assertThat(names).hasSize(2 + 600 + 3);
        assertThat(names.get(0)).isEqualTo("a.jsonl");
        assertThat(names.get(600)).isEqualTo("t599()");
        assertThat(names.get(601)).isEqualTo("b.jsonl");
        assertThat(names.get(604)).isEqualTo("t2()");
    }

    @Test
    @DisplayName("a broken line ends the file's records with the failure naming file and line; no file after it")
    void broken() throws Exception {
        Path a = file("a.jsonl", 300, "not json");
        Path b = file("b.jsonl", 3, null);
        List<RunFileParser.Batch> batches = new ArrayList<>();
        try (RunFileParser parser = new RunFileParser(List.of(a, b))) {
            RunFileParser.Batch batch;
            do {
                batch = parser.next();
                batches.add(batch);
            } while (batch.failure() == null);
        }
        assertThat(batches.stream().mapToInt(batch -> batch.records().size()).sum())
                .isEqualTo(1 + 300);
        assertThat(batches.get(batches.size() - 1).failure())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a.jsonl:302: not a flagtest record");
    }

    @Test
    @DisplayName("closed before the end, the parsing thread stops instead of waiting for a reader")
    void close() throws Exception {
        Path big = file("big.jsonl", 20 * RunFileParser.BATCH, null);
        RunFileParser parser = new RunFileParser(List.of(big));
        assertThat(parser.next().records()).isNotEmpty();
        Thread thread = parser.thread;
        parser.close();
        thread.join(10_000);
        assertThat(thread.isAlive()).isFalse();
    }

    private Path file(String name, int tests, String brokenLine) throws Exception {
        StringBuilder text = new StringBuilder("{\"kind\":\"run\",\"profile\":\"" + name + "\"}\n");
        for (int t = 0; t < tests; t++) {
            text.append("{\"kind\":\"test\",\"class\":\"com.example.T\",\"displayName\":\"t")
                    .append(t)
                    .append("()\",\"state\":{\"f\":true},\"result\":\"SUCCESSFUL\"}\n");
        }
        if (brokenLine != null) {
            text.append(brokenLine).append('\n');
        }
        return Files.writeString(dir.resolve(name), text);
    }
}
