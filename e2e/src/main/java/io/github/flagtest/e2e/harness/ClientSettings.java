package io.github.flagtest.e2e.harness;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * How the deployer's SDK clients reach a backend. The only difference between a real account and
 * an emulator is here: an emulator has an endpoint override and test credentials; {@code aws} has
 * neither (the default chains decide).
 */
record ClientSettings(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials) {

    /** Longer than any function timeout (Lambda's maximum is 15 minutes). */
    static final Duration SOCKET_TIMEOUT = Duration.ofMinutes(16);

    /** An emulator at {@code endpoint} with its static test keys. */
    static ClientSettings emulator(URI endpoint, String region, String accessKey, String secretKey) {
        return new ClientSettings(
                Optional.of(endpoint),
                Region.of(region),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
    }

    <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(SOCKET_TIMEOUT));
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
