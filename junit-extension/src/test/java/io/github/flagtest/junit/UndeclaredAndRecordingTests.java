package io.github.flagtest.junit;

import static io.github.flagtest.junit.FlagTestKit.message;
import static io.github.flagtest.junit.FlagTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UndeclaredAndRecordingTests {

    @Nested
    @DisplayName("flagtest.undeclared")
    class Undeclared {

        @Test
        @DisplayName("off (default): an undeclared read is OFF and the test passes")
        void off() {
            run(UndeclaredFixture.class).testEvents().assertStatistics(s -> s.succeeded(1));
        }

        @Test
        @DisplayName(
                "fail: fails the test after it ran, even if the handler swallowed everything, and says what to add")
        void fail() {
            var results = run(UndeclaredFixture.class, Map.of("flagtest.undeclared", "fail"));

            assertThat(message(results.testEvents().failed().list().get(0)))
                    .isEqualTo(
                            "UndeclaredAndRecordingTests.UndeclaredFixture.readsUndeclared() read undeclared flag(s) "
                                    + "[surprise], which answered OFF (or the caller's default); declare them with "
                                    + "@WithFlag(name = \"surprise\", enabled = false), a @FlagMatrix, the flagtest.profile or the "
                                    + "flagtest.catalog document (flagtest.undeclared=fail)");
        }

        @Test
        @DisplayName("a catalog declares every flag it lists")
        void catalogDeclares() {
            run(
                            CatalogReadFixture.class,
                            Map.of("flagtest.undeclared", "fail", "flagtest.catalog", "flags/catalog.json"))
                    .testEvents()
                    .assertStatistics(s -> s.succeeded(1));
        }
    }

    @Nested
    @DisplayName("run records")
    class Records {

        @Test
        @DisplayName("write one JSON line per test with state, grouped reads, entry-point calls and result")
        void jsonLines(@TempDir Path dir) throws Exception {
            run(RecordedFixture.class, Map.of("flagtest.report", "true", "flagtest.report.dir", dir.toString()))
                    .testEvents()
                    .assertStatistics(s -> s.started(4));

            List<JsonNode> records = records(dir);
            assertThat(records).hasSize(4);
            JsonNode loop = records.stream()
                    .filter(r -> r.get("method").asText().equals("readsInALoop"))
                    .findFirst()
                    .orElseThrow();
            assertThat(loop.get("state").toString()).isEqualTo("{\"loyalty-points\":true}");
            assertThat(loop.get("evaluations")).hasSize(1);
            assertThat(loop.get("evaluations").get(0).get("count").asInt()).isEqualTo(50);
            assertThat(loop.get("evaluations").get(0).get("site").asText())
                    .startsWith("UndeclaredAndRecordingTests.java:");
            assertThat(loop.get("result").asText()).isEqualTo("SUCCESSFUL");
            assertThat(loop.get("entryPoints").get(0).get("flag").asText()).isEqualTo("loyalty-points");

            JsonNode failed = records.stream()
                    .filter(r -> r.get("method").asText().equals("callsWhileOff"))
                    .findFirst()
                    .orElseThrow();
            assertThat(failed.get("result").asText()).isEqualTo("FAILED");
            assertThat(failed.get("entryPointCalls").get(0).get("flagOn").asBoolean())
                    .isFalse();
            assertThat(failed.get("failure").asText()).contains("expected no call while 'loyalty-points' was OFF");

            assertThat(records).extracting(r -> r.get("result").asText()).contains("ABORTED");
        }

        @Test
        @DisplayName("name their fields in a fixed order and group reads by flag, answer and call site")
        void fields(@TempDir Path dir) throws Exception {
            run(RecordedFixture.class, Map.of("flagtest.report", "true", "flagtest.report.dir", dir.toString()));

            JsonNode flip = records(dir).stream()
                    .filter(r -> r.get("method").asText().equals("readsAcrossAFlip"))
                    .findFirst()
                    .orElseThrow();
            assertThat(flip.fieldNames())
                    .toIterable()
                    .containsExactly(
                            "kind",
                            "version",
                            "test",
                            "class",
                            "method",
                            "displayName",
                            "name",
                            "e2e",
                            "profile",
                            "catalog",
                            "state",
                            "finalState",
                            "matrices",
                            "evaluations",
                            "serves",
                            "undeclared",
                            "entryPoints",
                            "entryPointCalls",
                            "result",
                            "failure");
            assertThat(flip.get("finalState").toString()).isEqualTo("{\"loyalty-points\":false}");
            assertThat(flip.get("profile").isNull()).isTrue();
            assertThat(flip.get("evaluations"))
                    .extracting(read -> read.get("value").asText() + " x"
                            + read.get("count").asInt())
                    .containsExactly("ON x3", "OFF x2");
            JsonNode read = flip.get("evaluations").get(0);
            assertThat(read.fieldNames())
                    .toIterable()
                    .containsExactly("flag", "value", "class", "method", "site", "line", "count");
            assertThat(read.get("class").asText()).isEqualTo(RecordedFixture.class.getName());
            assertThat(read.get("method").asText()).isEqualTo("readsAcrossAFlip");
            assertThat(read.get("site").asText()).isEqualTo("UndeclaredAndRecordingTests.java:" + read.get("line"));
        }

        @Test
        @DisplayName("name matrix tests by method and flag state, not by an argument's toString")
        void names(@TempDir Path dir) throws Exception {
            run(NamedFixture.class, Map.of("flagtest.report", "true", "flagtest.report.dir", dir.toString()));

            List<String> names =
                    records(dir).stream().map(r -> r.get("name").asText()).toList();
            assertThat(names)
                    .hasSize(5)
                    .contains(
                            "UndeclaredAndRecordingTests.NamedFixture.matrix() [loyalty-points=OFF]",
                            "UndeclaredAndRecordingTests.NamedFixture.matrix() [loyalty-points=ON]",
                            "UndeclaredAndRecordingTests.NamedFixture.events() [1]",
                            "UndeclaredAndRecordingTests.NamedFixture.a readable name")
                    // JUnit 6 quotes a string argument in {0}, JUnit 5 does not
                    .anySatisfy(name -> assertThat(name)
                            .matches("UndeclaredAndRecordingTests\\.NamedFixture\\.events\\(\\) \\[2] \"?short\"?"));
        }

        @Test
        @DisplayName("name a method matrix's run inside a class matrix once by the whole state")
        void nestedMatrixNames(@TempDir Path dir) throws Exception {
            run(
                    ClassAndMethodMatrixFixture.class,
                    Map.of("flagtest.report", "true", "flagtest.report.dir", dir.toString()));

            assertThat(records(dir).stream().map(r -> r.get("name").asText()))
                    .containsExactlyInAnyOrder(
                            "UndeclaredAndRecordingTests.ClassAndMethodMatrixFixture.both() [a=OFF, b=OFF]",
                            "UndeclaredAndRecordingTests.ClassAndMethodMatrixFixture.both() [a=OFF, b=ON]",
                            "UndeclaredAndRecordingTests.ClassAndMethodMatrixFixture.both() [a=ON, b=OFF]",
                            "UndeclaredAndRecordingTests.ClassAndMethodMatrixFixture.both() [a=ON, b=ON]");
        }

        @Test
        @DisplayName(
                "name a matrix run over event files by the file, which the invocation's display name does not show")
        void eventFileNames(@TempDir Path dir) throws Exception {
            run(EventFilesFixture.class, Map.of("flagtest.report", "true", "flagtest.report.dir", dir.toString()));

            assertThat(records(dir).stream().map(r -> r.get("name").asText()))
                    .containsExactlyInAnyOrder(
                            "UndeclaredAndRecordingTests.EventFilesFixture.handles() event 1 a-small-batch.json"
                                    + " [loyalty-points=OFF]",
                            "UndeclaredAndRecordingTests.EventFilesFixture.handles() event 2 b-large-batch.json"
                                    + " [loyalty-points=OFF]",
                            "UndeclaredAndRecordingTests.EventFilesFixture.handles() event 1 a-small-batch.json"
                                    + " [loyalty-points=ON]",
                            "UndeclaredAndRecordingTests.EventFilesFixture.handles() event 2 b-large-batch.json"
                                    + " [loyalty-points=ON]",
                            "UndeclaredAndRecordingTests.EventFilesFixture.listed() [1] b-large-batch.json"
                                    + " [loyalty-points=OFF]",
                            "UndeclaredAndRecordingTests.EventFilesFixture.listed() [1] b-large-batch.json"
                                    + " [loyalty-points=ON]");
        }

        @Test
        @DisplayName("record each test's outcome: passed, failed, aborted")
        void outcomes(@TempDir Path dir) throws Exception {
            run(OutcomeFixture.class, Map.of("flagtest.report", "true", "flagtest.report.dir", dir.toString()));

            assertThat(records(dir))
                    .extracting(r ->
                            r.get("method").asText() + "=" + r.get("result").asText())
                    .containsExactlyInAnyOrder("passes=SUCCESSFUL", "fails=FAILED", "aborts=ABORTED");
        }

        @Test
        @DisplayName("count each entry point's calls while ON and while OFF, with its kind")
        void entryPointCounts(@TempDir Path dir) throws Exception {
            run(
                    TypeEntryPointTests.StaticFixture.class,
                    Map.of("flagtest.report", "true", "flagtest.report.dir", dir.toString()));

            JsonNode killSwitch = records(dir).stream()
                    .filter(r -> r.get("method").asText().equals("killSwitch"))
                    .findFirst()
                    .orElseThrow();
            assertThat(killSwitch.get("entryPoints").get(0).toString())
                    .isEqualTo("{\"flag\":\"loyalty-points\",\"declaredAt\":\"method "
                            + "TypeEntryPointTests.StaticFixture.killSwitch(), type Ledger\",\"kind\":\"type\","
                            + "\"callsOn\":1,\"callsOff\":1}");
        }

        @Test
        @DisplayName("are not written with flagtest.report=false")
        void off(@TempDir Path dir) {
            run(RecordedFixture.class, Map.of("flagtest.report", "false", "flagtest.report.dir", dir.toString()));

            assertThat(dir.resolve("runs")).doesNotExist();
        }
    }

    @FlagMatrix("a")
    static class ClassAndMethodMatrixFixture {
        @FlagMatrix("b")
        void both(FakeFlags flags) {
            flags.isEnabled("a");
            flags.isEnabled("b");
        }
    }

    static class NamedFixture {
        @FlagMatrix("loyalty-points")
        void matrix() {}

        @org.junit.jupiter.params.ParameterizedTest(name = "[{index}] {0}")
        @org.junit.jupiter.params.provider.ValueSource(
                strings = {"an argument whose toString is far too long to be a useful test name in a report", "short"})
        @WithFlag(name = "loyalty-points", enabled = true)
        void events(String event) {}

        @Test
        @DisplayName("a readable name")
        @WithFlag(name = "loyalty-points", enabled = true)
        void named() {}
    }

    @FlagMatrix("loyalty-points")
    static class EventFilesFixture {
        @org.junit.jupiter.params.ParameterizedTest(name = "event {index}")
        @com.amazonaws.services.lambda.runtime.tests.annotations.Events(
                folder = "events/report-names",
                type = com.amazonaws.services.lambda.runtime.events.SQSEvent.class)
        void handles(com.amazonaws.services.lambda.runtime.events.SQSEvent event) {}

        @org.junit.jupiter.params.ParameterizedTest
        @com.amazonaws.services.lambda.runtime.tests.annotations.Events(
                events =
                        @com.amazonaws.services.lambda.runtime.tests.annotations.Event(
                                "events/report-names/b-large-batch.json"),
                type = com.amazonaws.services.lambda.runtime.events.SQSEvent.class)
        void listed(com.amazonaws.services.lambda.runtime.events.SQSEvent event) {}
    }

    @WithFlag(name = "loyalty-points", enabled = true)
    static class OutcomeFixture {
        @Test
        void passes() {}

        @Test
        void fails() {
            throw new AssertionError("fails");
        }

        @Test
        void aborts() {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "not here");
        }
    }

    static List<JsonNode> records(Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("runs"))) {
            for (Path file : files.toList()) {
                List<String> lines = Files.readAllLines(file);
                assertThat(json.readTree(lines.get(0)).get("kind").asText())
                        .as("run header")
                        .isEqualTo("run");
                for (String line : lines.subList(1, lines.size())) {
                    records.add(json.readTree(line));
                }
            }
        }
        return records;
    }

    static class UndeclaredFixture {
        @Test
        @WithFlag(name = "declared")
        void readsUndeclared(FakeFlags flags) {
            try {
                assertThat(flags.isEnabled("surprise")).isFalse();
            } catch (RuntimeException swallowed) {
                // a handler's catch-all cannot hide the undeclared read
            }
        }
    }

    static class CatalogReadFixture {
        @Test
        @WithFlag(name = "loyalty-points")
        void readsCatalogFlag(FakeFlags flags) {
            assertThat(flags.isEnabled("old-banner")).isTrue();
        }
    }

    @WithFlag(name = "loyalty-points", enabled = true)
    static class RecordedFixture {

        @FeatureEntryPoint("loyalty-points")
        FeatureEntryPointTests.LoyaltyService loyalty;

        @Test
        void readsInALoop(FakeFlags flags) {
            for (int i = 0; i < 50; i++) {
                flags.isEnabled("loyalty-points");
            }
        }

        @Test
        void readsAcrossAFlip(FakeFlags flags) {
            for (int i = 0; i < 5; i++) {
                if (i == 3) {
                    flags.disable("loyalty-points");
                }
                flags.isEnabled("loyalty-points");
            }
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = false)
        void callsWhileOff() {
            loyalty.award("c", 1);
        }

        @Test
        void aborted() {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "not today");
        }
    }
}
