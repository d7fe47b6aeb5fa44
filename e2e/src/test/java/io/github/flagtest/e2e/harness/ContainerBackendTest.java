package io.github.flagtest.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same E2E fixture on Floci (free, LocalStack-compatible) in a container. Skipped where there is
 * no Docker engine, as on flagtest's own CI machine.
 */
@Testcontainers(disabledWithoutDocker = true)
@DisplayName("container backends (need Docker)")
class ContainerBackendTest {

    // io.floci:testcontainers-floci 2.6.0, the module Floci's docs point Java users to: its jar's
    // FlociContainer mounts /var/run/docker.sock (Floci runs functions in containers) and waits for /_floci/health
    @Test
    @DisplayName("Floci starts through Floci's own Testcontainers module with flagtest's pinned tag")
    void flociModule() {
        var container = FlociBackend.container(ContainerSettings.floci(java.util.Optional.empty()));

        assertThat(container).isInstanceOf(io.floci.testcontainers.FlociContainer.class);
        assertThat(container.getDockerImageName()).isEqualTo("floci/floci:1.7.0");
    }

    @Test
    @DisplayName("runs the missed-case fixture on Floci")
    void floci() {
        var results = EngineTestKit.engine("junit-jupiter")
                .configurationParameters(Map.of("flagtest.e2e.backend", "floci", "flagtest.report", "false"))
                .selectors(selectClass(LambdaE2EExtensionTests.MissedCaseFixture.class))
                .execute();

        results.testEvents().assertStatistics(s -> s.started(6).succeeded(5).failed(1));
        assertThat(EmbeddedBackendTest.childJvms()).isEmpty();
    }
}
