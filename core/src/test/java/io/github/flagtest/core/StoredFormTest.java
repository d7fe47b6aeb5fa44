package io.github.flagtest.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the documents flagtest deploys")
class StoredFormTest {

    private static final FlagCatalog NONE = FlagCatalog.parse("{}", "no document");

    @Test
    @DisplayName("flagtest's own documents pass: on/off flags and a variant as the one default variant")
    void storedDocuments() {
        String stored = NONE.storedDocument(FlagState.of(Map.of("loyalty-points", true, "checkout", "B")));

        assertThat(FlagDocumentRules.problems(stored)).isEmpty();
        assertThat(stored).doesNotContain("\"_variant\"").contains("\"_variants\":[{\"name\":\"B\",\"enabled\":true}]");
    }

    @Test
    @DisplayName("a multi-variant flag is deployed with its variants, rules and attributes, valid against AWS's schema,"
            + " and reads back equal")
    void multiVariant() {
        Variants checkout = Variants.of(List.of(
                new Variants.Variant(
                        "BetaUsers", true, Optional.of("(ends_with $email \"@example.com\")"), Map.of("limit", 10)),
                new Variants.Variant("Default", false, Optional.empty(), Map.of("limit", 0))));
        String stored = NONE.storedDocument(FlagState.of(Map.of("checkout", checkout)));

        assertThat(FlagDocumentRules.problems(stored)).isEmpty();
        assertThat(stored)
                .contains("{\"name\":\"BetaUsers\",\"enabled\":true,\"rule\":\"(ends_with $email "
                        + "\\\"@example.com\\\")\",\"attributeValues\":{\"limit\":10}}");
        Variants read = (Variants) FlagCatalog.parse(stored, "stored.json")
                .get("checkout")
                .orElseThrow()
                .defaultValue();
        assertThat(read.variants()).extracting(Variants.Variant::name).containsExactly("BetaUsers", "Default");
        assertThat(read.variants().get(0).rule())
                .isEqualTo(checkout.variants().get(0).rule());
        assertThat(AppConfigEndpoint.retrievalDocument(FlagState.of(Map.of("checkout", checkout))))
                .isEqualTo("{\"checkout\":{\"_variant\":\"Default\",\"enabled\":false}}");
    }
}
