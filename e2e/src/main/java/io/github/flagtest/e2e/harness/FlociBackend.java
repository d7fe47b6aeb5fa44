package io.github.flagtest.e2e.harness;

import io.floci.testcontainers.FlociContainer;
import java.net.URI;
import org.testcontainers.utility.DockerImageName;

/**
 * Floci (free, MIT, LocalStack-compatible) started as Floci's users start it: through Floci's own
 * Testcontainers module, {@code io.floci:testcontainers-floci} 2.6.0 ({@link FlociContainer}: it
 * mounts {@code /var/run/docker.sock} so that Floci runs Lambda functions in containers of their
 * own, waits for {@code /_floci/health}, and answers with region {@code us-east-1}, keys {@code
 * test}/{@code test} and account {@code 000000000000}; facts read from the module's 2.6.0 jar), with
 * flagtest's pinned image tag.
 *
 * <p>Floci's {@code GetLatestConfiguration} returns a hosted version as uploaded, not the retrieval
 * form AWS serves (its source, 1.7.0 and HEAD): flagtest uploads the retrieval form there, so a
 * function reads the flags it would read on AWS, and says so in the E2E summary. It runs {@code
 * java25} functions.
 */
final class FlociBackend implements Backend {

    private final ContainerSettings settings;
    private FlociContainer container; // set by start(); FlociContainer's constructor already asks Docker

    /** A backend for {@code settings}, not started (no Docker needed yet). */
    FlociBackend(ContainerSettings settings) {
        this.settings = settings;
    }

    /** Starts Floci's container. */
    static FlociBackend start(ContainerSettings settings) {
        FlociBackend floci = new FlociBackend(settings);
        floci.container = container(settings);
        floci.container.start();
        return floci;
    }

    /** Floci's container for {@code settings}, configured, not started. */
    static FlociContainer container(ContainerSettings settings) {
        FlociContainer floci = new FlociContainer(DockerImageName.parse(settings.image()));
        settings.environment().forEach(floci::withEnv);
        return floci;
    }

    @Override
    public String name() {
        return settings.backend();
    }

    @Override
    public ClientSettings clientSettings() {
        return ClientSettings.emulator(
                URI.create(container.getEndpoint()),
                container.getRegion(),
                container.getAccessKey(),
                container.getSecretKey());
    }

    @Override
    public boolean appConfig() {
        return true;
    }

    @Override
    public boolean servesHostedVersionAsUploaded() {
        return true;
    }

    @Override
    public boolean runsFromClassPath() {
        return false;
    }

    @Override
    public String role() {
        return "arn:aws:iam::" + container.getDefaultAccountId() + ":role/flagtest";
    }

    @Override
    public void close() {
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public String toString() {
        return settings.toString();
    }
}
