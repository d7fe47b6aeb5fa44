package io.github.flagtest.e2e;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * A backend flagtest does not start: an emulator already running at {@code AWS_ENDPOINT_URL}
 * ({@code endpoint}), or a real AWS account through the default chains ({@code aws}: no endpoint
 * override, resources named with a run id, tagged and deleted after the class).
 */
record RemoteBackend(String name, ClientSettings clientSettings, boolean appConfig, String role) implements Backend {

    static RemoteBackend endpoint(URI endpoint, Region region) {
        return new RemoteBackend(
                "endpoint",
                new ClientSettings(
                        Optional.of(endpoint),
                        region,
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))),
                true,
                "arn:aws:iam::000000000000:role/flagtest");
    }

    static RemoteBackend aws(Region region, String role) {
        return new RemoteBackend(
                "aws",
                new ClientSettings(
                        Optional.empty(),
                        region,
                        DefaultCredentialsProvider.builder().build()),
                true,
                role);
    }

    @Override
    public boolean runsFromClassPath() {
        return false;
    }

    @Override
    public void close() {
        // nothing was started; the deployer deletes what it created
    }
}
