package io.github.flagtest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;
import software.amazon.awssdk.services.appconfigdata.model.BadRequestException;
import software.amazon.awssdk.services.appconfigdata.model.GetLatestConfigurationResponse;
import software.amazon.awssdk.services.appconfigdata.model.ResourceNotFoundException;
import software.amazon.lambda.powertools.parameters.appconfig.AppConfigProvider;

@DisplayName("AppConfigEndpoint")
class AppConfigEndpointTest {

    private final FakeFlags flags =
            new FakeFlags(FlagState.empty().with("loyalty-points", true).with("checkout", "B"));
    private final AppConfigEndpoint endpoint = AppConfigEndpoint.start(flags, "orders", "dev", "flags");
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        endpoint.close();
    }

    private AppConfigDataClient sdk(URI uri) {
        return AppConfigDataClient.builder()
                .endpointOverride(uri)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Nested
    @DisplayName("serves an unmodified AWS SDK v2 AppConfigDataClient")
    class Sdk {

        @Test
        @DisplayName("the retrieval form in both states, an empty body when unchanged, the new document after a flip")
        void sessionAndPolling() {
            try (AppConfigDataClient client = sdk(endpoint.uri())) {
                String token = client.startConfigurationSession(r -> r.applicationIdentifier("orders")
                                .environmentIdentifier("dev")
                                .configurationProfileIdentifier("flags"))
                        .initialConfigurationToken();

                GetLatestConfigurationResponse first = client.getLatestConfiguration(r -> r.configurationToken(token));
                assertThat(first.configuration().asUtf8String())
                        .isEqualTo(
                                "{\"loyalty-points\":{\"enabled\":true},\"checkout\":{\"enabled\":true,\"_variant\":\"B\"}}");
                assertThat(first.contentType()).isEqualTo("application/json");
                assertThat(first.nextPollIntervalInSeconds()).isEqualTo(60);
                assertThat(first.versionLabel()).isEqualTo("1");

                GetLatestConfigurationResponse unchanged =
                        client.getLatestConfiguration(r -> r.configurationToken(first.nextPollConfigurationToken()));
                assertThat(unchanged.configuration().asByteArray()).isEmpty();

                flags.disable("loyalty-points");
                GetLatestConfigurationResponse flipped = client.getLatestConfiguration(
                        r -> r.configurationToken(unchanged.nextPollConfigurationToken()));
                assertThat(flipped.configuration().asUtf8String())
                        .startsWith("{\"loyalty-points\":{\"enabled\":false}");
                assertThat(flipped.versionLabel()).isEqualTo("2");
            }
            assertThat(endpoint.sessionsStarted()).isEqualTo(1);
            assertThat(endpoint.configurationsServed()).isEqualTo(2);
        }

        @Test
        @DisplayName("records each served document as a serve, not as reads: the code may never look at a flag in it")
        void recordsServes() {
            try (AppConfigDataClient client = sdk(endpoint.uri())) {
                String token = client.startConfigurationSession(r -> r.applicationIdentifier("orders")
                                .environmentIdentifier("dev")
                                .configurationProfileIdentifier("flags"))
                        .initialConfigurationToken();
                client.getLatestConfiguration(r -> r.configurationToken(token));
            }
            assertThat(flags.evaluations()).isEmpty();
            assertThat(flags.serves()).singleElement().satisfies(serve -> {
                assertThat(serve.source()).isEqualTo("appconfig:orders/dev/flags");
                assertThat(serve.operation()).isEqualTo("GetLatestConfiguration");
                assertThat(serve.flags()).containsExactlyInAnyOrder("loyalty-points", "checkout");
            });
        }

        @Test
        @DisplayName("answers unknown names with ResourceNotFoundException and bad tokens with BadRequestException")
        void errors() {
            try (AppConfigDataClient client = sdk(endpoint.uri())) {
                assertThatThrownBy(() -> client.startConfigurationSession(r -> r.applicationIdentifier("billing")
                                .environmentIdentifier("dev")
                                .configurationProfileIdentifier("flags")))
                        .isInstanceOf(ResourceNotFoundException.class)
                        .hasMessageContaining("No configuration profile billing/dev/flags");
                assertThatThrownBy(() -> client.getLatestConfiguration(r -> r.configurationToken("not-a-token")))
                        .isInstanceOf(BadRequestException.class)
                        .hasMessageContaining("The configuration token is invalid or was already used");
            }
        }

        @Test
        @DisplayName("is found through the aws.endpointUrlAppConfigData system property, restored on close")
        void systemProperty() {
            String before = System.getProperty(AppConfigEndpoint.SDK_ENDPOINT_PROPERTY);
            AppConfigEndpoint other = AppConfigEndpoint.start(flags).setSystemProperty();
            try (AppConfigDataClient client = AppConfigDataClient.builder()
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build()) {
                String token = client.startConfigurationSession(r -> r.applicationIdentifier("any")
                                .environmentIdentifier("any")
                                .configurationProfileIdentifier("any"))
                        .initialConfigurationToken();
                assertThat(token).isNotBlank();
                assertThat(other.sessionsStarted()).isEqualTo(1);
            } finally {
                other.close();
            }
            assertThat(System.getProperty(AppConfigEndpoint.SDK_ENDPOINT_PROPERTY))
                    .isEqualTo(before);
        }
    }

    @Test
    @DisplayName("serves Powertools' AppConfig provider in both states and after a mid-test flip")
    void powertools() {
        try (AppConfigDataClient client = sdk(endpoint.uri())) {
            AppConfigProvider provider = AppConfigProvider.builder()
                    .withClient(client)
                    .withApplication("orders")
                    .withEnvironment("dev")
                    .build();
            provider.withMaxAge(0, ChronoUnit.SECONDS);
            assertThat(provider.get("flags")).contains("\"loyalty-points\":{\"enabled\":true}");

            flags.disable("loyalty-points");
            provider.withMaxAge(0, ChronoUnit.SECONDS);
            assertThat(provider.get("flags")).contains("\"loyalty-points\":{\"enabled\":false}");
        }
    }

    @Test
    @DisplayName(
            "setSystemProperty() is all an unmodified SDK client needs: endpoint, region, credentials, restored on close")
    void unmodifiedClient() {
        String regionBefore = System.getProperty("aws.region");
        System.setProperty("aws.region", "eu-west-3");
        try {
            try (AppConfigEndpoint other = AppConfigEndpoint.start(flags).setSystemProperty();
                    AppConfigDataClient client = AppConfigDataClient.create()) {
                // Powertools' own default client reads the AWS_REGION environment variable, which a
                // JVM cannot set: hand it the unmodified client (the README says so)
                AppConfigProvider provider = AppConfigProvider.builder()
                        .withClient(client)
                        .withApplication("orders")
                        .withEnvironment("dev")
                        .build();
                assertThat(provider.get("flags")).contains("\"loyalty-points\":{\"enabled\":true}");
                assertThat(other.sessionsStarted()).isEqualTo(1);
            }
            assertThat(System.getProperty("aws.region")).isEqualTo("eu-west-3");
            assertThat(System.getProperty("aws.accessKeyId")).isNull();
            assertThat(System.getProperty("aws.secretAccessKey")).isNull();
            assertThat(System.getProperty(AppConfigEndpoint.SDK_ENDPOINT_PROPERTY))
                    .isNull();
        } finally {
            if (regionBefore == null) {
                System.clearProperty("aws.region");
            } else {
                System.setProperty("aws.region", regionBefore);
            }
        }
    }

    @Nested
    @DisplayName("with enforcePollInterval(), as AWS AppConfig Data")
    class StrictPolling {

        private final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();

        // https://docs.aws.amazon.com/appconfig/2021-11-11/APIReference/API_appconfigdata_StartConfigurationSession.html
        // (RequiredMinimumPollIntervalInSeconds: 15 to 86400) and API_appconfigdata_GetLatestConfiguration.html
        // (NextPollIntervalInSeconds: "the amount of time the client should wait before polling again")
        @Test
        @DisplayName("refuses a poll before NextPollIntervalInSeconds with BadRequestException; the token stays good")
        void tooEarly() {
            try (AppConfigEndpoint strict = AppConfigEndpoint.start(flags, AppConfigEndpoint.Names.ANY, nanos::get)
                            .enforcePollInterval();
                    AppConfigDataClient client = sdk(strict.uri())) {
                String token = client.startConfigurationSession(r -> r.applicationIdentifier("orders")
                                .environmentIdentifier("dev")
                                .configurationProfileIdentifier("flags")
                                .requiredMinimumPollIntervalInSeconds(15))
                        .initialConfigurationToken();
                var first = client.getLatestConfiguration(r -> r.configurationToken(token));
                assertThat(first.nextPollIntervalInSeconds()).isEqualTo(15);

                nanos.addAndGet(java.util.concurrent.TimeUnit.SECONDS.toNanos(14));
                assertThatThrownBy(() -> client.getLatestConfiguration(
                                r -> r.configurationToken(first.nextPollConfigurationToken())))
                        .isInstanceOf(BadRequestException.class)
                        .hasMessageContaining("Request too early: this session polls at most every 15 s")
                        .hasMessageContaining("poll again in 1000 ms");

                nanos.addAndGet(java.util.concurrent.TimeUnit.SECONDS.toNanos(1));
                var second =
                        client.getLatestConfiguration(r -> r.configurationToken(first.nextPollConfigurationToken()));
                assertThat(second.nextPollConfigurationToken()).isNotBlank();
                assertThatThrownBy(() -> client.getLatestConfiguration(
                                r -> r.configurationToken(first.nextPollConfigurationToken())))
                        .isInstanceOf(BadRequestException.class)
                        .hasMessageContaining("invalid or was already used");
            }
        }

        @Test
        @DisplayName("a session without RequiredMinimumPollIntervalInSeconds polls every 60 s, AWS's default")
        void defaultInterval() {
            try (AppConfigEndpoint strict = AppConfigEndpoint.start(flags, AppConfigEndpoint.Names.ANY, nanos::get)
                            .enforcePollInterval();
                    AppConfigDataClient client = sdk(strict.uri())) {
                String token = client.startConfigurationSession(r -> r.applicationIdentifier("a")
                                .environmentIdentifier("b")
                                .configurationProfileIdentifier("c"))
                        .initialConfigurationToken();
                assertThat(client.getLatestConfiguration(r -> r.configurationToken(token))
                                .nextPollIntervalInSeconds())
                        .isEqualTo(60);
            }
        }

        @Test
        @DisplayName("is off by default: a unit test may poll at once")
        void lenientByDefault() {
            try (AppConfigDataClient client = sdk(endpoint.uri())) {
                String token = client.startConfigurationSession(r -> r.applicationIdentifier("orders")
                                .environmentIdentifier("dev")
                                .configurationProfileIdentifier("flags"))
                        .initialConfigurationToken();
                String next = client.getLatestConfiguration(r -> r.configurationToken(token))
                        .nextPollConfigurationToken();
                assertThat(client.getLatestConfiguration(r -> r.configurationToken(next))
                                .nextPollConfigurationToken())
                        .isNotBlank();
            }
        }
    }

    @Nested
    @DisplayName("serves the AppConfig agent / Lambda extension path")
    class Agent {

        @Test
        @DisplayName("the whole profile, one flag with ?flag=, several with repeated flag=")
        void agentPath() throws Exception {
            URI profile = endpoint.agentUri("orders", "dev", "flags");

            assertThat(get(profile).body())
                    .isEqualTo(
                            "{\"loyalty-points\":{\"enabled\":true},\"checkout\":{\"enabled\":true,\"_variant\":\"B\"}}");
            assertThat(get(URI.create(profile + "?flag=loyalty-points")).body()).isEqualTo("{\"enabled\":true}");
            assertThat(get(URI.create(profile + "?flag=loyalty-points&flag=checkout"))
                            .body())
                    .isEqualTo(
                            "{\"loyalty-points\":{\"enabled\":true},\"checkout\":{\"enabled\":true,\"_variant\":\"B\"}}");
            // only flags asked for by name are reads; the whole profile is a serve
            assertThat(flags.evaluations())
                    .extracting(Evaluation::flag, Evaluation::site)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("loyalty-points", "appconfig:orders/dev/flags"),
                            org.assertj.core.groups.Tuple.tuple("loyalty-points", "appconfig:orders/dev/flags"),
                            org.assertj.core.groups.Tuple.tuple("checkout", "appconfig:orders/dev/flags"));
            assertThat(flags.serves())
                    .singleElement()
                    .extracting(Serve::operation)
                    .isEqualTo("agent");
        }

        @Test
        @DisplayName("evaluates multi-variant rules against the Context headers (several, or comma-separated); "
                + "no Context gets the default variant; the read records the context and the variant")
        void contextHeaders() throws Exception {
            flags.set(
                    "checkout",
                    Variants.of(List.of(
                            new Variants.Variant(
                                    "Gold",
                                    true,
                                    Optional.of("(and (eq $tier \"gold\") (ends_with $email \"@example.com\"))"),
                                    Map.of("discount", 10)),
                            new Variants.Variant("Default", false, Optional.empty(), Map.of()))));
            URI checkout = URI.create(endpoint.agentUri("orders", "dev", "flags") + "?flag=checkout");

            HttpResponse<String> twoHeaders = http.send(
                    HttpRequest.newBuilder(checkout)
                            .header("Context", "tier=gold")
                            .header("Context", "email=ana@example.com")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> commaSeparated = http.send(
                    HttpRequest.newBuilder(checkout)
                            .header("Context", "tier=gold, email=ana@example.com")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> noContext = get(checkout);

            // a variant's content as AWS's samples for the agent show it: _variant, enabled, attribute values
            // (https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-agent-how-to-use-local-development-samples.html)
            assertThat(twoHeaders.body()).isEqualTo("{\"_variant\":\"Gold\",\"enabled\":true,\"discount\":10}");
            assertThat(commaSeparated.body()).isEqualTo(twoHeaders.body());
            assertThat(noContext.body()).isEqualTo("{\"_variant\":\"Default\",\"enabled\":false}");
            assertThat(flags.evaluations("checkout"))
                    .extracting(Evaluation::variant, Evaluation::context)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    "Gold", Map.of("tier", "gold", "email", "ana@example.com")),
                            org.assertj.core.groups.Tuple.tuple(
                                    "Gold", Map.of("tier", "gold", "email", "ana@example.com")),
                            org.assertj.core.groups.Tuple.tuple("Default", Map.of()));

            HttpResponse<String> malformed = http.send(
                    HttpRequest.newBuilder(checkout).header("Context", "gold").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body()).contains("Context header part 'gold' is not key=value");
        }

        @Test
        @DisplayName("answers unknown names, unknown flags and wrong methods with AWS-style errors")
        void agentErrors() throws Exception {
            HttpResponse<String> unknown = get(endpoint.agentUri("orders", "prod", "flags"));
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).contains("ResourceNotFoundException");
            assertThat(unknown.body()).contains("\"__type\":\"ResourceNotFoundException\"");

            HttpResponse<String> unknownFlag =
                    get(URI.create(endpoint.agentUri("orders", "dev", "flags") + "?flag=nope"));
            assertThat(unknownFlag.statusCode()).isEqualTo(404);
            assertThat(unknownFlag.body()).contains("Flag 'nope' is not in configuration profile flags");

            HttpResponse<String> post = http.send(
                    HttpRequest.newBuilder(endpoint.uri().resolve("/configuration"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.body()).contains("GetLatestConfiguration takes GET, not POST");

            HttpResponse<String> malformed = http.send(
                    HttpRequest.newBuilder(endpoint.uri().resolve("/configurationsessions"))
                            .POST(HttpRequest.BodyPublishers.ofString("{not json"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertThat(malformed.body()).contains("BadRequestException").contains("not valid JSON");
        }
    }

    @Nested
    @DisplayName("lifecycle")
    class Lifecycle {

        @Test
        @DisplayName("listens on 127.0.0.1 and a fresh ephemeral port per endpoint")
        void ports() {
            try (AppConfigEndpoint second = AppConfigEndpoint.start(flags)) {
                assertThat(endpoint.uri().getHost()).isEqualTo("127.0.0.1");
                assertThat(second.port()).isNotEqualTo(endpoint.port()).isPositive();
            }
        }

        @Test
        @DisplayName(
                "closes promptly with a client that never finishes its request, stops its threads, refuses new clients")
        void closesWithStuckClient() throws Exception {
            AppConfigEndpoint stuck = AppConfigEndpoint.start(flags);
            try (Socket socket = new Socket("127.0.0.1", stuck.port())) {
                socket.getOutputStream().write("GET /configuration HTTP/1.1\r\nHost: x\r\n".getBytes()); // never ends
                socket.getOutputStream().flush();
                long start = System.nanoTime();
                stuck.close();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            }
            String prefix = AppConfigEndpoint.threadPrefix(stuck.port());
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(t -> t.getName().startsWith(prefix) && t.isAlive());
            assertThatThrownBy(() -> http.send(
                            HttpRequest.newBuilder(stuck.uri().resolve("/configuration"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.io.IOException.class);
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
