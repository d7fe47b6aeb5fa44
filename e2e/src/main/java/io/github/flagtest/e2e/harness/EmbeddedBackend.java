package io.github.flagtest.e2e.harness;

import io.github.flagtest.e2e.embedded.AppCds;
import io.github.flagtest.e2e.embedded.EmbeddedAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The embedded backend: {@link EmbeddedAws} in the test JVM, functions in child JVMs. No Docker. */
final class EmbeddedBackend implements Backend {

    private final EmbeddedAws aws;

    EmbeddedBackend(AppCds cds) {
        this(cds, System::nanoTime);
    }

    EmbeddedBackend(AppCds cds, java.util.function.LongSupplier nanoClock) {
        try {
            this.aws = new EmbeddedAws(cds, nanoClock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded AWS backend on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    EmbeddedAws aws() {
        return aws;
    }

    @Override
    public String name() {
        return "embedded";
    }

    /** Any ARN with the layer's name: the embedded Lambda then runs its own AppConfig extension. */
    @Override
    public String appConfigExtensionLayer(java.util.function.Function<String, java.util.Optional<String>> config) {
        return EmbeddedAws.APPCONFIG_EXTENSION_LAYER;
    }

    @Override
    public java.util.Optional<java.time.Duration> pollInterval(String application) {
        return aws.pollInterval(application);
    }

    @Override
    public java.util.Optional<java.util.List<String>> invocationLog(String function, String requestId) {
        return aws.invocationLog(function, requestId);
    }

    @Override
    public ClientSettings clientSettings() {
        return new ClientSettings(
                Optional.of(aws.uri()),
                Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        aws.signing().accessKeyId(), aws.signing().secretAccessKey())));
    }

    @Override
    public boolean appConfig() {
        return true;
    }

    @Override
    public boolean runsFromClassPath() {
        return true;
    }

    @Override
    public String role() {
        return "arn:aws:iam::000000000000:role/flagtest";
    }

    @Override
    public void close() {
        aws.close();
    }
}
