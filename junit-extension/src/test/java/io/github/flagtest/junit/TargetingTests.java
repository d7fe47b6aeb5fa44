package io.github.flagtest.junit;

import static io.github.flagtest.junit.FlagTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
                .assertStatistics(stats -> stats.started(2).succeeded(2));

        JsonNode rules = UndeclaredAndRecordingTests.records(dir).stream()
                .filter(r -> r.get("method").asText().equals("rules"))
                .findFirst()
                .orElseThrow();
        assertThat(rules.at("/state/checkout").asText()).isEqualTo("Classic");
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
            assertThat(flags.variant("checkout", "none", Map.of("tier", "silver")))
                    .isEqualTo("Classic");
            assertThat(flags.variant("checkout", "none", Map.of())).isEqualTo("Classic");
            assertThat(fake.evaluations()).extracting(e -> e.variant()).containsExactly("Gold", "Classic", "Classic");
        }

        @Test
        @WithFlag(name = "checkout", value = "Gold")
        void pinned() {
            assertThat(flags.variant("checkout", "none", Map.of("tier", "silver")))
                    .isEqualTo("Gold");
        }
    }
}
