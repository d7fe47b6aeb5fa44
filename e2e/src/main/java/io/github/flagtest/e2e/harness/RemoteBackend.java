package io.github.flagtest.e2e.harness;

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

    static final String APPCONFIG_EXTENSION_LAYER = "flagtest.e2e.appConfigExtensionLayer";

    static RemoteBackend endpoint(URI endpoint, Region region) {
        checkAnswers(endpoint);
        return new RemoteBackend(
                "endpoint",
                new ClientSettings(
                        Optional.of(endpoint),
                        region,
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))),
                true,
                "arn:aws:iam::000000000000:role/flagtest");
    }

    /**
     * The emulator must answer before anything is deployed: any HTTP answer will do, a refused or
     * timed-out connection stops the class with the endpoint and the fix.
     */
    static void checkAnswers(URI endpoint) {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(5))
                .build();
        try {
            http.send(
                    java.net.http.HttpRequest.newBuilder(endpoint)
                            .timeout(java.time.Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new org.junit.jupiter.api.extension.ExtensionConfigurationException(
                    "flagtest e2e: nothing answers at "
                            + endpoint + " (" + Backends.BACKEND + "=endpoint, from AWS_ENDPOINT_URL or "
                            + Backends.ENDPOINT
                            + "): " + e
                            + ". Start the emulator first (LocalStack, Floci, ...), fix the URL, or choose -D"
                            + Backends.BACKEND + "=embedded",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.junit.jupiter.api.extension.ExtensionConfigurationException(
                    "flagtest e2e: interrupted while checking " + endpoint, e);
        }
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

    /**
     * On {@code aws}: the ARN in {@code flagtest.e2e.appConfigExtensionLayer}; AWS publishes one per
     * region and architecture (https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-integration-lambda-extensions-versions.html).
     */
    @Override
    public String appConfigExtensionLayer(java.util.function.Function<String, Optional<String>> config) {
        if (!name.equals("aws")) {
            return Backend.super.appConfigExtensionLayer(config);
        }
        return config.apply(APPCONFIG_EXTENSION_LAYER)
                .filter(arn -> !arn.isBlank())
                .orElseThrow(
                        () -> new org.junit.jupiter.api.extension.ExtensionConfigurationException(
                                "flagtest e2e: a function with LambdaE2E.APPCONFIG_EXTENSION on aws needs "
                                        + APPCONFIG_EXTENSION_LAYER + " = the AppConfig extension's layer ARN for "
                                        + clientSettings.region()
                                        + " and the function's architecture (x86_64), as AWS lists them at"
                                        + " https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-integration-lambda-extensions-versions.html"));
    }

    /** On a real account, a function's log group is flagtest's to create with a day's retention and to delete. */
    @Override
    public boolean logGroups() {
        return name.equals("aws");
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
