package io.github.flagtest.inventory;

import io.github.flagtest.e2e.embedded.AppCds;
import io.github.flagtest.e2e.embedded.EmbeddedAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appconfig.AppConfigClient;

/** One AWS account stood in by an embedded AWS, with an AppConfig client that builds its deployment history. */
final class StandInAccount implements AutoCloseable {

    final EmbeddedAws aws;
    final AppConfigClient appConfig;

    StandInAccount() {
        try {
            aws = new EmbeddedAws(AppCds.off());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        appConfig = AppConfigClient.builder()
                .endpointOverride(aws.uri())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        aws.signing().accessKeyId(), aws.signing().secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    String accessKeyId() {
        return aws.signing().accessKeyId();
    }

    String secretAccessKey() {
        return aws.signing().secretAccessKey();
    }

    String application(String name) {
        return appConfig.createApplication(r -> r.name(name)).id();
    }

    String environment(String app, String name) {
        return appConfig.createEnvironment(r -> r.applicationId(app).name(name)).id();
    }

    String profile(String app, String name, String type) {
        return appConfig
                .createConfigurationProfile(r ->
                        r.applicationId(app).name(name).locationUri("hosted").type(type))
                .id();
    }

    int upload(String app, String profile, String content, String contentType) {
        return appConfig
                .createHostedConfigurationVersion(r -> r.applicationId(app)
                        .configurationProfileId(profile)
                        .content(SdkBytes.fromUtf8String(content))
                        .contentType(contentType))
                .versionNumber();
    }

    /** Deploys {@code version} at once; returns when the deployment completed. */
    Instant deploy(String app, String env, String profile, int version) {
        return appConfig
                .startDeployment(r -> r.applicationId(app)
                        .environmentId(env)
                        .configurationProfileId(profile)
                        .configurationVersion(Integer.toString(version))
                        .deploymentStrategyId("AppConfig.AllAtOnce"))
                .completedAt();
    }

    @Override
    public void close() {
        try (EmbeddedAws closing = aws) {
            appConfig.close();
        }
    }
}
