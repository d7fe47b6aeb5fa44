package io.github.flagtest.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.core.FlagState;
import io.github.flagtest.e2e.FlagStore;
import io.github.flagtest.e2e.fixtures.GreetingHandler;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the benchmarks' entry point into the embedded backend")
class EmbeddedDeploymentsTest {

    @Test
    @DisplayName("deploys a handler with its flags, invokes it, and a restart shows a flag write")
    void deployInvokeRestart() {
        try (EmbeddedDeployments embedded = EmbeddedDeployments.start()) {
            FlagStore flags = embedded.deploy(
                    "greeter",
                    GreetingHandler.class.getName() + "::handleRequest",
                    FlagState.of(Map.of("loud", false)));

            assertThat(embedded.invoke("greeter", "{\"name\":\"ana\"}".getBytes())
                            .payload())
                    .contains("hello, ana");
            flags.enable("loud");
            embedded.restart("greeter", "1");
            assertThat(embedded.invoke("greeter", "{\"name\":\"ana\"}".getBytes())
                            .payload())
                    .contains("HELLO, ANA");
        }
    }
}
