package io.github.flagtest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The kill-switch drill, once (not per matrix run): the function polls AppConfig every 15 s, the
 * shortest interval AWS allows, so each flip takes up to that long to show.
 */
@LambdaE2E(handler = "io.github.flagtest.e2e.fixtures.GreetingHandler::handleRequest", flags = "flags/greeting.json")
class GreetingKillSwitchE2ETest {

    @Test
    void killSwitchDrill(DeployedFunction greeting) {
        greeting.flags().enable("loud");
        greeting.invokeUntil("{\"name\":\"bo\"}", r -> r.payload().contains("HELLO, BO"), Duration.ofSeconds(40));

        greeting.flags().disable("loud");
        InvocationResult off = greeting.invokeUntil(
                "{\"name\":\"bo\"}", r -> r.payload().contains("hello, bo"), Duration.ofSeconds(40));
        assertThat(off.functionError()).isNull();
        assertThat(greeting.logs()).anyMatch(line -> line.contains("greeting bo"));
    }
}
