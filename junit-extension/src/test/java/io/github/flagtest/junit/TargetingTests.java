package io.github.flagtest.junit;

import static io.github.flagtest.junit.FlagTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@DisplayName("multi-variant flags from the catalog")
class TargetingTests {

    @Test
    @DisplayName("a @FlagClient read with a Map context evaluates the rules, one without gets the default, a pinned"
            + " variant wins; the record keeps the default as a plain value")
    void catalogVariants(@TempDir Path dir) throws Exception {
        run(
                        TargetingFixture.class,
                        Map.of(
                                "flagtest.catalog", "flags/targeting.json",
                                "flagtest.report", "true",
                                "flagtest.report.dir", dir.toString()))
                .testEvents()
                .assertStatistics(stats -> stats.started(3).succeeded(3));

        JsonNode rules = UndeclaredAndRecordingTests.records(dir).stream()
                .filter(r -> r.get("method").asText().equals("rules"))
                .findFirst()
                .orElseThrow();
        assertThat(rules.at("/state/checkout").asText()).isEqualTo("Classic");
        assertThat(rules.get("evaluations"))
                .extracting(read ->
                        read.get("variant").asText() + " x" + read.get("count").asInt())
                .containsExactly("Gold x1", "Paused x1", "Classic x1", "Classic x1"); // two call sites
    }

    @Test
    @DisplayName("@FlagMatrix(\"checkout=*\") runs every variant of the catalog's flag, default first, each pinned")
    void everyVariant() {
        EngineExecutionResults results = run(MatrixFixture.class, Map.of("flagtest.catalog", "flags/targeting.json"));

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(MatrixFixture.served).containsExactly("Classic", "Gold", "false");
        assertThat(results.testEvents().started().stream()
                        .map(event -> event.getTestDescriptor().getDisplayName()))
                .containsExactly("[checkout=Classic]", "[checkout=Gold]", "[checkout=Paused (OFF)]");
    }

    @Test
    @DisplayName("\"name=*\" on a flag without variants, or without a document, fails naming the fix")
    void everyVariantNeedsVariants() {
        run(MatrixFixture.class)
                .allEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        finishedWithFailure(
                                instanceOf(ExtensionConfigurationException.class),
                                message(m -> m.contains("\"checkout=*\" runs every variant of a multi-variant flag,"
                                        + " but there is no flagtest.catalog or flagtest.profile document to take them"
                                        + " from; list the variants instead, e.g. \"checkout=A|B\""))));
    }

    static class MatrixFixture {
        static final List<String> served = new java.util.concurrent.CopyOnWriteArrayList<>();

        @FlagMatrix("checkout=*")
        void eachVariant(FakeFlags fake) {
            served.add(fake.value("checkout", String.class, "none", Map.of("tier", "gold")));
        }
    }

    /** A team's flag client: the context is the Map argument. */
    interface Flags {
        String variant(String flag, String fallback, Map<String, ?> context);
    }

    static class TargetingFixture {
        @FlagClient
        Flags flags;

        @Test
        void rules(FakeFlags fake) {
            assertThat(flags.variant("checkout", "none", Map.of("tier", "gold")))
                    .isEqualTo("Gold");
            assertThat(flags.variant("checkout", "none", Map.of("tier", "paused")))
                    .isEqualTo("false");
            assertThat(flags.variant("checkout", "none", Map.of("tier", "silver")))
                    .isEqualTo("Classic");
            assertThat(flags.variant("checkout", "none", Map.of())).isEqualTo("Classic");
            assertThat(fake.evaluations())
                    .extracting(e -> e.variant())
                    .containsExactly("Gold", "Paused", "Classic", "Classic");
        }

        @Test
        @WithFlag(name = "checkout", value = "Gold")
        void pinned() {
            assertThat(flags.variant("checkout", "none", Map.of("tier", "silver")))
                    .isEqualTo("Gold");
        }

        @Test
        @WithFlag(name = "checkout", value = "Paused")
        void pinnedDisabledVariantIsOff(FakeFlags fake) {
            assertThat(fake.isEnabled("checkout", Map.of("tier", "gold"))).isFalse();
            assertThat(fake.evaluations().get(0).variant()).isEqualTo("Paused");
        }
    }
}
