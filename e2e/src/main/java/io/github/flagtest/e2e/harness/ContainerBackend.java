package io.github.flagtest.e2e.harness;

import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack through Testcontainers' {@code LocalStackContainer}, which mounts the Docker socket
 * (LocalStack runs Lambda functions in containers of its own) and waits for its "Ready." line. The
 * token is passed to the container and never printed. Floci starts through its own module: {@link
 * FlociBackend}.
 */
final class ContainerBackend implements Backend {

    private final ContainerSettings settings;
    private final LocalStackContainer container;

    ContainerBackend(ContainerSettings settings) {
        this.settings = settings;
        DockerImageName image =
                DockerImageName.parse(settings.image()).asCompatibleSubstituteFor("localstack/localstack");
        this.container = new LocalStackContainer(image).withEnv(settings.environment());
        container.start();
    }

    @Override
    public String name() {
        return settings.backend();
    }

    @Override
    public ClientSettings clientSettings() {
        return ClientSettings.emulator(
                container.getEndpoint(), container.getRegion(), container.getAccessKey(), container.getSecretKey());
    }

    @Override
    public boolean appConfig() {
        return settings.appConfig();
    }

    @Override
    public boolean runsFromClassPath() {
        return false;
    }

    /** LocalStack 4.x runs Java functions up to java21 (the java25 runtime is newer). */
    @Override
    public String maxRuntime() {
        return "java21";
    }

    @Override
    public String role() {
        return "arn:aws:iam::000000000000:role/flagtest";
    }

    @Override
    public void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return settings.toString();
    }
}
