package io.github.flagtest.e2e.harness;

import software.amazon.awssdk.services.appconfig.AppConfigClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The SDK v2 clients the deployer talks to a backend with; the same code for every backend. */
record AwsClients(LambdaClient lambda, AppConfigClient appConfig, SsmClient ssm, CloudWatchLogsClient logs)
        implements AutoCloseable {

    static AwsClients create(ClientSettings settings) {
        return new AwsClients(
                settings.configure(LambdaClient.builder()).build(),
                settings.configure(AppConfigClient.builder()).build(),
                settings.configure(SsmClient.builder()).build(),
                settings.configure(CloudWatchLogsClient.builder()).build());
    }

    @Override
    public void close() {
        lambda.close();
        appConfig.close();
        ssm.close();
        logs.close();
    }
}
