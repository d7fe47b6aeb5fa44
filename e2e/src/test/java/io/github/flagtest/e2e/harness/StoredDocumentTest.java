package io.github.flagtest.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.core.FlagState;
import io.github.flagtest.e2e.embedded.FeatureFlagSchema;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the documents flagtest deploys")
class StoredDocumentTest {

    @Test
    @DisplayName("flagtest's own documents pass: on/off flags and a variant as the one default variant")
    void storedDocuments() {
        String stored = StoredDocument.stored(FlagState.of(Map.of("loyalty-points", true, "checkout", "B")));

        assertThat(FeatureFlagSchema.problems(stored)).isEmpty();
        assertThat(stored).doesNotContain("\"_variant\"").contains("\"_variants\":[{\"name\":\"B\",\"enabled\":true}]");
    }
}
