package io.github.flagtest.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("since, from a profile's deployments newest first")
class HistoryTest {

    private static DeployedFlag on(Map<String, Object> attributes) {
        return new DeployedFlag(true, attributes, List.of());
    }

    @Test
    @DisplayName("moves back while the flag is unchanged and stops at a change of attributes or variants")
    void walksBack() {
        Instant t1 = Instant.parse("2026-10-01T00:00:00Z");
        Instant t2 = Instant.parse("2026-11-01T00:00:00Z");
        Instant t3 = Instant.parse("2026-12-01T00:00:00Z");
        DeployedFlag variants =
                new DeployedFlag(false, Map.of(), List.of(new DeployedFlag.Variant("Default", false, null, Map.of())));
        InventoryReader.History history = new InventoryReader.History();
        assertThat(history.add("3", t3, Map.of("a", on(Map.of("n", 2)), "b", on(Map.of()), "v", variants)))
                .isTrue();
        assertThat(history.add("2", t2, Map.of("a", on(Map.of("n", 1)), "b", on(Map.of()), "v", variants)))
                .isTrue();
        assertThat(history.add("1", t1, Map.of("b", on(Map.of()))))
                .as("b is unchanged so far: older deployments may still move its since back")
                .isTrue();
        assertThat(history.add("0", t1.minusSeconds(60), Map.of("b", new DeployedFlag(false, Map.of(), List.of()))))
                .as("every flag's since is known")
                .isFalse();
        assertThat(history.flags().get("a").since()).isEqualTo(t3);
        assertThat(history.flags().get("b").since()).isEqualTo(t1);
        assertThat(history.flags().get("v").since()).isEqualTo(t2);
        assertThat(history.latest().orElseThrow().version()).isEqualTo("3");
    }
}
