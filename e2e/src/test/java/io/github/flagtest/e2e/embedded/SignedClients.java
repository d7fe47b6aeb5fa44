package io.github.flagtest.e2e.embedded;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** SDK clients that reach an {@link EmbeddedAws} and sign with its credentials, as the deployer's do. */
final class SignedClients {

    private SignedClients() {}

    /** {@code builder}, pointed at {@code aws} with its credentials, us-east-1 and the URL-connection client. */
    static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B signedFor(EmbeddedAws aws, B builder) {
        return builder.endpointOverride(aws.uri())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        aws.signing().accessKeyId(), aws.signing().secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create());
    }
}
