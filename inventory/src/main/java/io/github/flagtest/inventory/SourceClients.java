package io.github.flagtest.inventory;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appconfig.AppConfigClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The read-only SDK clients of one source: AppConfig, and STS when a role is assumed or the account
 * is asked. Credentials come from the named profile (the shared credentials file, also through
 * {@code AWS_SHARED_CREDENTIALS_FILE} / {@code aws.sharedCredentialsFile}), a role assumed with
 * them, or the SDK's default chain. Throttling is handled by the SDK's adaptive retry mode. The
 * source's {@code endpoint} overrides AppConfig's; STS resolves as the SDK does (a stand-in's STS
 * through {@code AWS_ENDPOINT_URL_STS} or {@code aws.endpointUrlSts}).
 */
final class SourceClients implements AutoCloseable {

    static final String SESSION_NAME = "flagtest-inventory";
    private static final Pattern ROLE_ACCOUNT = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/.+");

    private final InventoryConfig.Source source;
    private final SdkHttpClient http = http().build();
    private final AwsCredentialsProvider base;
    private final StsClient sts;
    private final AwsCredentialsProvider credentials;
    private final AppConfigClient appConfig;

    SourceClients(InventoryConfig.Source source) {
        this.source = source;
        this.base = baseCredentials(source);
        boolean needsSts = source.roleArn().isPresent() || source.endpoint().isEmpty();
        this.sts = needsSts
                ? configure(StsClient.builder(), source, base).httpClient(http).build()
                : null;
        this.credentials = source.roleArn()
                .<AwsCredentialsProvider>map(arn -> StsAssumeRoleCredentialsProvider.builder()
                        .stsClient(sts)
                        .refreshRequest(r -> r.roleArn(arn).roleSessionName(SESSION_NAME))
                        .build())
                .orElse(base);
        software.amazon.awssdk.services.appconfig.AppConfigClientBuilder appConfigBuilder =
                configure(AppConfigClient.builder(), source, credentials).httpClient(http);
        source.endpoint().ifPresent(appConfigBuilder::endpointOverride);
        this.appConfig = appConfigBuilder.build();
    }

    /** The source's own credentials: its profile, else the SDK's default chain. */
    private static AwsCredentialsProvider baseCredentials(InventoryConfig.Source source) {
        return source.profile()
                .<AwsCredentialsProvider>map(
                        p -> ProfileCredentialsProvider.builder().profileName(p).build())
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    private static UrlConnectionHttpClient.Builder http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(30));
    }

    private static <
                    B extends
                            software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
                                    & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
            B configure(B builder, InventoryConfig.Source source, AwsCredentialsProvider provider) {
        builder.region(Region.of(source.region()))
                .credentialsProvider(provider)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.ADAPTIVE_V2)
                        .apiCallTimeout(Duration.ofMinutes(2))
                        .build());
        return builder;
    }

    AppConfigClient appConfig() {
        return appConfig;
    }

    /**
     * An Organizations client with {@code source}'s own credentials (its profile or the default
     * chain), for listing the accounts of its organization; it owns its HTTP client, and nothing
     * else is built. Resolves as the SDK does (a stand-in through {@code AWS_ENDPOINT_URL_ORGANIZATIONS}
     * or {@code aws.endpointUrlOrganizations}). The caller closes it.
     */
    static OrganizationsClient organizations(InventoryConfig.Source source) {
        return configure(OrganizationsClient.builder(), source, baseCredentials(source))
                .httpClientBuilder(http())
                .build();
    }

    /**
     * The account read: the assumed role's, else the caller's (STS GetCallerIdentity, which needs
     * no permission); empty for an endpoint source without a role, whose stand-in may lack STS.
     */
    Optional<String> account() {
        if (source.roleArn().isPresent()) {
            Matcher matcher = ROLE_ACCOUNT.matcher(source.roleArn().get());
            return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
        }
        if (source.endpoint().isPresent()) {
            return Optional.empty();
        }
        return Optional.ofNullable(sts.getCallerIdentity().account());
    }

    @Override
    public void close() {
        appConfig.close();
        if (credentials instanceof SdkAutoCloseable closeable && credentials != base) {
            closeable.close();
        }
        if (sts != null) {
            sts.close();
        }
        http.close();
    }
}
