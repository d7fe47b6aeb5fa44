package io.github.flagtest.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flagtest.core.AppConfigEndpoint;
import io.github.flagtest.core.FlagCatalog;
import io.github.flagtest.core.FlagState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

@DisplayName("reading the deployed flags back")
class FlagReadBackTest {

    private final FlagState state =
            FlagState.empty().with("loyalty-points", true).withAttribute("loyalty-points", "rate", 2);
    private final String expected = AppConfigEndpoint.retrievalDocument(state);

    @Test
    @DisplayName("accepts the retrieval form AWS serves, in any member order")
    void same() {
        assertThatCode(() -> FlagReadBack.compare(
                        "embedded", "appconfig", "{\"loyalty-points\":{\"rate\":2,\"enabled\":true}}", expected))
                .doesNotThrowAnyException();
    }

    // Floci's GetLatestConfiguration returns the stored document as uploaded (its source, 1.7.0 and HEAD)
    @Test
    @DisplayName("stops a backend that serves the stored document as uploaded, naming it and the alternatives")
    void storedForm() {
        String stored = FlagCatalog.parse("{}", "none").storedDocument(state);

        assertThatThrownBy(() -> FlagReadBack.compare("floci", "appconfig", stored, expected))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("the floci backend serves the flags differently from AWS (store appconfig)")
                .hasMessageContaining("(the stored document as uploaded, not the retrieval form)")
                .hasMessageContaining("-Dflagtest.e2e.flagStore=ssm");
    }

    @Test
    @DisplayName("names the first flag whose data was dropped")
    void dropped() {
        assertThatThrownBy(
                        () -> FlagReadBack.compare("floci", "ssm", "{\"loyalty-points\":{\"enabled\":true}}", expected))
                .hasMessageContaining(
                        "first difference: flag 'loyalty-points' is {\"enabled\":true} instead of {\"enabled\":true,\"rate\":2}");
        assertThat(expected).contains("\"rate\":2");
    }
}
