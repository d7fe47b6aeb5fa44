package io.github.flagtest.inventory;

import static io.github.flagtest.inventory.InventoryReader.FEATURE_FLAGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An AWS Organization as a source: Organizations ListAccounts (two pages, a suspended account) with
 * the management profile's keys, then the member role assumed through STS in each active account.
 * Organizations and STS are stand-ins answering in the APIs' documented shapes; each member's
 * AppConfig is an embedded AWS. Sources:
 * https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html,
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("inventory of an AWS Organization's accounts")
class InventoryOrganizationTest {

    static final String MANAGEMENT_KEY = "AKIAFLAGTESTMGMT0001";
    static final String DENIED_KEY = "AKIAFLAGTESTDENIED01";

    private final ObjectMapper json = new ObjectMapper();
    private StandInAccount member;
    private HttpServer organizations;
    private HttpServer sts;
    private final List<String> organizationRequests = new CopyOnWriteArrayList<>();
    private final List<String> assumedRoles = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, String> previous = new java.util.HashMap<>();
    private JsonNode inventory;

    @BeforeAll
    void organization(@TempDir Path dir) throws IOException {
        member = new StandInAccount();
        String billing = member.application("billing");
        String prod = member.environment(billing, "prod");
        String flags = member.profile(billing, "flags", FEATURE_FLAGS);
        member.deploy(billing, prod, flags, member.upload(billing, flags, """
                {"version": "1", "flags": {"invoice": {"name": "Invoice"}}, "values": {"invoice": {"enabled": true}}}
                """, "application/json"));
        Path credentials = dir.resolve("credentials");
        Files.writeString(
                credentials,
                "[mgmt]\naws_access_key_id = " + MANAGEMENT_KEY
                        + "\naws_secret_access_key = mgmt-secret\n\n[denied]\naws_access_key_id = " + DENIED_KEY
                        + "\naws_secret_access_key = denied-secret\n");
        Files.writeString(dir.resolve("config"), "");
        organizations = standIn(this::listAccounts);
        sts = standIn(this::assumeRole);
        set("aws.sharedCredentialsFile", credentials.toString());
        set("aws.configFile", dir.resolve("config").toString());
        set(
                "aws.endpointUrlOrganizations",
                "http://127.0.0.1:" + organizations.getAddress().getPort());
        set("aws.endpointUrlSts", "http://127.0.0.1:" + sts.getAddress().getPort());
        Path config = dir.resolve("inventory-config.json");
        Files.writeString(config, """
                {"sources": [
                  {"name": "org", "region": "us-east-1", "profile": "mgmt", "endpoint": "%s",
                   "organization": {"roleName": "flag-reader"}},
                  {"name": "denied", "region": "us-east-1", "profile": "denied", "endpoint": "%s",
                   "organization": {"roleName": "flag-reader"}}]}
                """.formatted(member.aws.uri(), member.aws.uri()));
        CallRecorder.clear();
        inventory = json.readTree(Files.readString(
                Inventory.read(InventoryConfig.read(config), dir).write(dir.resolve("out"))));
    }

    private void set(String key, String value) {
        previous.put(key, System.setProperty(key, value));
    }

    @AfterAll
    void stop() {
        for (HttpServer server : new HttpServer[] {organizations, sts}) {
            if (server != null) {
                server.stop(0);
            }
        }
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        if (member != null) {
            member.close();
        }
    }

    /** ListAccounts (JSON 1.1): two pages for the management key, AccessDeniedException for another. */
    private void listAccounts(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        organizationRequests.add(exchange.getRequestHeaders().getFirst("X-Amz-Target") + " " + body);
        if (!String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))
                .contains(MANAGEMENT_KEY)) {
            answer(
                    exchange,
                    400,
                    "application/x-amz-json-1.1",
                    "{\"__type\":\"AccessDeniedException\",\"Message\":"
                            + "\"You don't have permissions to access this resource.\"}");
        } else if (!body.contains("NextToken")) {
            answer(
                    exchange,
                    200,
                    "application/x-amz-json-1.1",
                    "{\"Accounts\":[" + account("444455556666", "billing-prod", "ACTIVE") + ","
                            + account("777788889999", "retired", "SUSPENDED") + "],\"NextToken\":\"page-2\"}");
        } else {
            answer(
                    exchange,
                    200,
                    "application/x-amz-json-1.1",
                    "{\"Accounts\":[" + account("111122223333", "billing-stage", "ACTIVE") + "]}");
        }
    }

    private static String account(String id, String name, String status) {
        return "{\"Id\":\"" + id + "\",\"Arn\":\"arn:aws:organizations::999988887777:account/o-flagtest/" + id
                + "\",\"Email\":\"" + name + "@example.com\",\"Name\":\"" + name + "\",\"Status\":\"" + status
                + "\",\"JoinedMethod\":\"CREATED\",\"JoinedTimestamp\":1.7E9}";
    }

    /** AssumeRole: the member's embedded keys for any role (STS's query protocol, XML answer). */
    private void assumeRole(HttpExchange exchange) throws IOException {
        String body = java.net.URLDecoder.decode(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        String role = body.replaceAll(".*RoleArn=([^&]+).*", "$1");
        assumedRoles.add(role);
        answer(
                exchange,
                200,
                "text/xml",
                "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                        + "<AssumeRoleResult><AssumedRoleUser><AssumedRoleId>AROAFLAGTEST:flagtest-inventory</AssumedRoleId>"
                        + "<Arn>" + role.replace(":iam:", ":sts:").replace(":role/", ":assumed-role/")
                        + "/flagtest-inventory</Arn>"
                        + "</AssumedRoleUser><Credentials><AccessKeyId>" + member.accessKeyId() + "</AccessKeyId>"
                        + "<SecretAccessKey>" + member.secretAccessKey()
                        + "</SecretAccessKey><SessionToken>token</SessionToken>"
                        + "<Expiration>" + Instant.now().plusSeconds(3600)
                        + "</Expiration></Credentials></AssumeRoleResult>"
                        + "</AssumeRoleResponse>");
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static HttpServer standIn(Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
        server.start();
        return server;
    }

    @Test
    @DisplayName("each active account of every page is a source named <source>/<account name>, with its account ID;"
            + " suspended accounts are left out")
    void membersAreSources() {
        assertThat(inventory.path("sources").findValuesAsText("name"))
                .containsExactly("org/billing-prod", "org/billing-stage", "denied");
        assertThat(inventory.path("sources").get(0).path("account").asText()).isEqualTo("444455556666");
        assertThat(inventory.path("sources").get(1).path("account").asText()).isEqualTo("111122223333");
        assertThat(organizationRequests)
                .allSatisfy(request -> assertThat(request).startsWith("AWSOrganizationsV20161128.ListAccounts "))
                .anySatisfy(request -> assertThat(request).contains("\"NextToken\":\"page-2\""));
    }

    @Test
    @DisplayName("assumes the named role in each active account and reads its deployments")
    void assumesTheMemberRole() {
        assertThat(assumedRoles)
                .containsExactlyInAnyOrder(
                        "arn:aws:iam::444455556666:role/flag-reader", "arn:aws:iam::111122223333:role/flag-reader");
        assertThat(inventory.path("deployments").findValuesAsText("source"))
                .containsExactlyInAnyOrder("org/billing-prod", "org/billing-stage");
        assertThat(inventory
                        .path("deployments")
                        .get(0)
                        .path("flags")
                        .path("invoice")
                        .path("enabled")
                        .asBoolean())
                .isTrue();
    }

    @Test
    @DisplayName(
            "an organization that cannot be listed is one failed source with Organizations' error; the others stay")
    void deniedOrganization() {
        JsonNode denied = inventory.path("sources").get(2);
        assertThat(denied.path("error").asText()).contains("You don't have permissions to access this resource");
        assertThat(inventory.path("sources").get(0).path("error").isNull()).isTrue();
    }

    @Test
    @DisplayName("only ListAccounts, AssumeRole and AppConfig List/Get calls")
    void readOnly() {
        assertThat(CallRecorder.calls())
                .extracting(CallRecorder.Call::operation)
                .contains("ListAccounts", "AssumeRole")
                .allSatisfy(operation -> assertThat(operation).matches("(List|Get)[A-Za-z]+|AssumeRole"));
    }

    @Test
    @DisplayName("config: organization needs a valid roleName and no roleArn beside it")
    void config() {
        assertThatThrownBy(() -> InventoryConfig.parse("""
                        {"sources": [{"name": "org", "region": "us-east-1", "organization": {"roleName": "bad role"}}]}
                        """, "inventory.json"))
                .hasMessageContaining("sources[0].organization.roleName: 'bad role' is not an IAM role name");
        assertThatThrownBy(() -> InventoryConfig.parse("""
                        {"sources": [{"name": "org", "region": "us-east-1", "roleArn": "arn:aws:iam::111122223333:role/x",
                          "organization": {"roleName": "flag-reader"}}]}
                        """, "inventory.json")).hasMessageContaining("drop \"roleArn\"");
        assertThat(InventoryConfig.parse("""
                        {"sources": [{"name": "org", "region": "us-east-1", "organization": {"roleName": "flag-reader"}}]}
                        """, "inventory.json").sources().get(0).organization())
                .contains(new InventoryConfig.Organization("flag-reader"));
    }
}
