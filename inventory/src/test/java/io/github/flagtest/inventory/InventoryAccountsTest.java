package io.github.flagtest.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two embedded AWS instances stand in for two accounts, each with its own credentials in a shared
 * credentials file, with deployment histories built through the real AppConfig client; a third
 * source points at a port where nothing listens, a fourth signs with another account's keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("the inventory of several stand-in accounts")
class InventoryAccountsTest {

    // https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-type-reference-feature-flags.html
    static final String V1 = """
            {"version": "1",
             "flags": {"checkout": {"name": "Checkout"},
                       "banner": {"name": "Banner", "attributes": {"text": {"constraints": {"type": "string"}}}}},
             "values": {"checkout": {"enabled": false}, "banner": {"enabled": true, "text": "hello <b>"}}}
            """;
    static final String V2 = V1.replace("\"checkout\": {\"enabled\": false}", "\"checkout\": {\"enabled\": true}");
    static final String V3 = """
            {"version": "1",
             "flags": {"checkout": {"name": "Checkout"},
                       "banner": {"name": "Banner", "attributes": {"text": {"constraints": {"type": "string"}}}},
                       "pricing": {"name": "Pricing", "attributes": {"tier": {"constraints": {"type": "string"}}}}},
             "values": {"checkout": {"enabled": true}, "banner": {"enabled": true, "text": "hello <b>"},
                        "pricing": {"_variants": [
                          {"name": "Beta", "enabled": true, "rule": "(ends_with $email \\"@example.com\\")",
                           "attributeValues": {"tier": "beta"}},
                          {"name": "Default", "enabled": false, "attributeValues": {"tier": "none"}}]}}}
            """;
    static final String FEATURE_FLAGS = "AWS.AppConfig.FeatureFlags";

    private final ObjectMapper json = new ObjectMapper();
    private StandInAccount a;
    private StandInAccount b;
    private Path credentialsFile;
    private String previousCredentialsFile;
    private String previousConfigFile;
    private final List<Instant> prodDeploys = new ArrayList<>();
    private Instant stagingDeploy;
    private Instant billingDeploy;
    private JsonNode inventory;
    private String written;
    private int closedPort;
    private HttpServer sts;
    private final List<String> stsRequests = new java.util.concurrent.CopyOnWriteArrayList<>();
    private String previousStsEndpoint;
    static final String SESSION_TOKEN = "FwoGZXIvYXdzEFLAGTESTSESSIONTOKEN";

    @BeforeAll
    void accounts(@TempDir Path dir) throws IOException {
        a = new StandInAccount();
        b = new StandInAccount();
        credentialsFile = dir.resolve("credentials");
        Files.writeString(
                credentialsFile,
                "[acct-a]\naws_access_key_id = " + a.accessKeyId()
                        + "\naws_secret_access_key = " + a.secretAccessKey() + "\n\n[acct-b]\naws_access_key_id = "
                        + b.accessKeyId() + "\naws_secret_access_key = " + b.secretAccessKey() + "\n");
        Files.writeString(dir.resolve("config"), "");
        previousCredentialsFile = System.setProperty("aws.sharedCredentialsFile", credentialsFile.toString());
        previousConfigFile =
                System.setProperty("aws.configFile", dir.resolve("config").toString());

        String shop = a.application("shop");
        String prod = a.environment(shop, "prod");
        String staging = a.environment(shop, "staging");
        String flags = a.profile(shop, "flags", FEATURE_FLAGS);
        String settings = a.profile(shop, "settings", "AWS.Freeform");
        int v1 = a.upload(shop, flags, V1, "application/json");
        int v2 = a.upload(shop, flags, V2, "application/json");
        int v3 = a.upload(shop, flags, V3, "application/json");
        prodDeploys.add(a.deploy(shop, prod, flags, v1));
        prodDeploys.add(a.deploy(shop, prod, flags, v2));
        a.deploy(shop, prod, settings, a.upload(shop, settings, "{\"not\": \"flags\"}", "application/json"));
        prodDeploys.add(a.deploy(shop, prod, flags, v3));
        stagingDeploy = a.deploy(shop, staging, flags, v3);

        String billing = b.application("billing");
        String bProd = b.environment(billing, "prod");
        String bFlags = b.profile(billing, "flags", FEATURE_FLAGS);
        billingDeploy = b.deploy(billing, bProd, bFlags, b.upload(billing, bFlags, """
                        {"version": "1", "flags": {"invoice": {"name": "Invoice",
                          "attributes": {"maxItems": {"constraints": {"type": "number"}}}}},
                         "values": {"invoice": {"enabled": true, "maxItems": 5}}}
                        """, "application/json"));
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort(); // nothing listens there once closed
        }
        sts = stsStandIn();
        previousStsEndpoint = System.setProperty(
                "aws.endpointUrlSts", "http://127.0.0.1:" + sts.getAddress().getPort());
        Path config = dir.resolve("inventory.json.config");
        Files.writeString(config, """
                {"sources": [
                  {"name": "acct-a", "region": "us-east-1", "profile": "acct-a", "endpoint": "%s"},
                  {"name": "acct-b", "region": "us-east-1", "profile": "acct-b", "endpoint": "%s"},
                  {"name": "down", "region": "us-east-1", "profile": "acct-a", "endpoint": "http://127.0.0.1:%d"},
                  {"name": "wrong-keys", "region": "us-east-1", "profile": "acct-a", "endpoint": "%s"},
                  {"name": "assumed", "region": "us-east-1", "profile": "acct-a",
                   "roleArn": "arn:aws:iam::444455556666:role/flag-reader", "endpoint": "%s"}],
                 "applications": [], "retireAfterDays": 14}
                """.formatted(a.aws.uri(), b.aws.uri(), closedPort, b.aws.uri(), b.aws.uri()));
        CallRecorder.clear();
        Path file = Inventory.read(InventoryConfig.read(config), dir).write(dir.resolve("out"));
        written = Files.readString(file);
        inventory = json.readTree(written);
    }

    /**
     * STS for the role source: answers AssumeRole with account B's keys and a session token, in the
     * response shape of https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html.
     */
    private HttpServer stsStandIn() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                stsRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + " "
                        + exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body =
                        ("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                                        + "<AssumedRoleUser><AssumedRoleId>AROAFLAGTEST:flagtest-inventory</AssumedRoleId>"
                                        + "<Arn>arn:aws:sts::444455556666:assumed-role/flag-reader/flagtest-inventory</Arn></AssumedRoleUser>"
                                        + "<Credentials><AccessKeyId>" + b.accessKeyId()
                                        + "</AccessKeyId><SecretAccessKey>"
                                        + b.secretAccessKey() + "</SecretAccessKey><SessionToken>" + SESSION_TOKEN
                                        + "</SessionToken><Expiration>"
                                        + Instant.now().plusSeconds(3600)
                                        + "</Expiration></Credentials></AssumeRoleResult><ResponseMetadata><RequestId>"
                                        + "c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata></AssumeRoleResponse>")
                                .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/xml");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return server;
    }

    @AfterAll
    void stop() {
        if (sts != null) {
            sts.stop(0);
        }
        restore("aws.endpointUrlSts", previousStsEndpoint);
        restore("aws.sharedCredentialsFile", previousCredentialsFile);
        restore("aws.configFile", previousConfigFile);
        try (StandInAccount first = a;
                StandInAccount second = b) {
            // both closed, also when the set-up failed half-way
        }
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, previous);
        }
    }

    private JsonNode deployment(String source, String environment) {
        for (JsonNode deployment : inventory.path("deployments")) {
            if (deployment.path("source").asText().equals(source)
                    && deployment.path("environment").asText().equals(environment)) {
                return deployment;
            }
        }
        throw new AssertionError("no deployment of " + source + "/" + environment + " in " + inventory);
    }

    @Test
    @DisplayName("lists every source with its region and error; the failing ones keep the others")
    void sources() {
        JsonNode sources = inventory.path("sources");
        assertThat(sources).hasSize(5);
        assertThat(sources.get(0).path("name").asText()).isEqualTo("acct-a");
        assertThat(sources.get(0).path("error").isNull()).isTrue();
        assertThat(sources.get(0).path("account").isNull()).isTrue(); // an endpoint without a role: not asked
        assertThat(sources.get(1).path("error").isNull()).isTrue();
        assertThat(sources.get(2).path("error").asText()).containsIgnoringCase("connect");
        // the embedded AWS answers another account's key as AWS does: UnrecognizedClientException
        assertThat(sources.get(3).path("error").asText()).contains("security token included in the request is invalid");
        assertThat(inventory.path("readAt").asText()).isNotBlank();
    }

    @Test
    @DisplayName("roleArn: assumes the role through STS with the profile's keys; the account is the role's")
    void assumedRole() {
        JsonNode assumed = inventory.path("sources").get(4);
        assertThat(assumed.path("error").isNull()).as(assumed.toString()).isTrue();
        assertThat(assumed.path("account").asText()).isEqualTo("444455556666");
        assertThat(deployment("assumed", "prod").path("application").asText()).isEqualTo("billing");
        assertThat(stsRequests)
                .singleElement()
                .satisfies(request -> assertThat(request)
                        .contains("Action=AssumeRole", "RoleArn=arn%3Aaws%3Aiam%3A%3A444455556666%3Arole%2Fflag-reader")
                        .contains("RoleSessionName=flagtest-inventory")
                        .contains("Credential=" + a.accessKeyId() + "/"));
        assertThat(written).doesNotContain(SESSION_TOKEN);
    }

    @Test
    @DisplayName("reads the latest complete deployment of each feature flag profile and environment, not Freeform ones")
    void deployments() {
        assertThat(inventory.path("deployments")).hasSize(4); // acct-b's also through the assumed role
        JsonNode prod = deployment("acct-a", "prod");
        assertThat(prod.path("application").asText()).isEqualTo("shop");
        assertThat(prod.path("profile").asText()).isEqualTo("flags");
        assertThat(prod.path("version").asText()).isEqualTo("3");
        assertThat(Instant.parse(prod.path("deployedAt").asText())).isEqualTo(prodDeploys.get(2));
        assertThat(deployment("acct-b", "prod").path("application").asText()).isEqualTo("billing");
    }

    @Test
    @DisplayName("each flag's value, attributes and variants as deployed")
    void values() {
        JsonNode flags = deployment("acct-a", "prod").path("flags");
        assertThat(flags.path("checkout").path("enabled").asBoolean()).isTrue();
        assertThat(flags.path("banner").path("attributes").path("text").asText())
                .isEqualTo("hello <b>");
        JsonNode pricing = flags.path("pricing");
        assertThat(pricing.path("enabled").asBoolean()).isFalse(); // the default variant's
        assertThat(pricing.path("variants")).hasSize(2);
        assertThat(pricing.path("variants").get(0).path("name").asText()).isEqualTo("Beta");
        assertThat(pricing.path("variants").get(0).path("rule").asText())
                .isEqualTo("(ends_with $email \"@example.com\")");
        assertThat(pricing.path("variants")
                        .get(0)
                        .path("attributes")
                        .path("tier")
                        .asText())
                .isEqualTo("beta");
        assertThat(pricing.path("attributes").path("tier").asText()).isEqualTo("none");
        JsonNode invoice = deployment("acct-b", "prod").path("flags").path("invoice");
        assertThat(invoice.path("attributes").path("maxItems").asInt()).isEqualTo(5);
        assertThat(invoice.path("variants")).isEmpty();
    }

    @Test
    @DisplayName("since: when the flag's value, variants or attributes last changed in that environment")
    void since() {
        JsonNode prod = deployment("acct-a", "prod").path("flags");
        assertThat(Instant.parse(prod.path("banner").path("since").asText())).isEqualTo(prodDeploys.get(0));
        assertThat(Instant.parse(prod.path("checkout").path("since").asText())).isEqualTo(prodDeploys.get(1));
        assertThat(Instant.parse(prod.path("pricing").path("since").asText())).isEqualTo(prodDeploys.get(2));
        JsonNode staging = deployment("acct-a", "staging").path("flags");
        assertThat(Instant.parse(staging.path("checkout").path("since").asText()))
                .isEqualTo(stagingDeploy);
        assertThat(Instant.parse(deployment("acct-b", "prod")
                        .path("flags")
                        .path("invoice")
                        .path("since")
                        .asText()))
                .isEqualTo(billingDeploy);
    }

    @Test
    @DisplayName("calls only AppConfig List and Get operations: no write call anywhere")
    void readOnly() {
        List<CallRecorder.Call> calls = CallRecorder.calls();
        assertThat(calls).isNotEmpty();
        assertThat(calls)
                .filteredOn(call -> !call.service().equals("Sts"))
                .allSatisfy(call -> assertThat(call.operation()).matches("(List|Get)[A-Za-z]+"));
        assertThat(calls)
                .filteredOn(call -> call.service().equals("Sts"))
                .extracting(CallRecorder.Call::operation)
                .containsOnly("AssumeRole");
        assertThat(calls)
                .extracting(CallRecorder.Call::operation)
                .contains(
                        "ListApplications",
                        "ListEnvironments",
                        "ListConfigurationProfiles",
                        "ListDeployments",
                        "GetDeployment",
                        "GetHostedConfigurationVersion");
    }

    @Test
    @DisplayName("the output holds no credential of any account")
    void noCredentials() {
        for (String secret : List.of(a.accessKeyId(), a.secretAccessKey(), b.accessKeyId(), b.secretAccessKey())) {
            assertThat(written).doesNotContain(secret);
        }
        assertThat(written).doesNotContainPattern("AKIA[A-Z0-9]{12,}");
        assertThat(Map.of("file", credentialsFile.toString()).values()).noneMatch(written::contains);
    }
}
