package io.github.flagtest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.appconfigdata.AppConfigDataClient;

/**
 * Attribute values are flag data: kept from the document to every surface. AWS: "retrieve a single
 * flag and its attributes"
 * (https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-creating-configuration-and-profile-feature-flags.html),
 * attribute types string, number, boolean, string and number arrays (the published schema,
 * .../appconfig-type-reference-feature-flags.html).
 */
@DisplayName("Attribute values")
class AttributesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every attribute type, a disabled flag with attributes, and a multi-variant flag with attribute values. */
    static final String DOCUMENT = """
            {"version": "1",
             "flags": {
               "checkout": {"name": "Checkout", "attributes": {
                 "maxItems": {"constraints": {"type": "number", "minimum": 1, "maximum": 50}},
                 "banner": {"constraints": {"type": "string"}},
                 "express": {"constraints": {"type": "boolean"}},
                 "regions": {"constraints": {"type": "array", "elements": {"type": "string"}}},
                 "tiers": {"constraints": {"type": "array", "elements": {"type": "number"}}},
                 "rate": {"constraints": {"type": "number"}}}},
               "legacy": {"name": "Legacy", "attributes": {"limit": {"constraints": {"type": "number"}}}},
               "ui": {"name": "UI", "attributes": {"theme": {"constraints": {"type": "string"}}}}},
             "values": {
               "checkout": {"enabled": true, "maxItems": 5, "banner": "new", "express": true,
                            "regions": ["eu", "us"], "tiers": [1, 2.5], "rate": 0.25},
               "legacy": {"enabled": false, "limit": 3},
               "ui": {"_variants": [
                 {"name": "dark", "enabled": true, "rule": "(eq $tier \\"gold\\")", "attributeValues": {"theme": "night"}},
                 {"name": "light", "enabled": true, "attributeValues": {"theme": "day"}}]}}}
            """;

    static final Map<String, Object> CHECKOUT = Map.of(
            "maxItems",
            5,
            "banner",
            "new",
            "express",
            true,
            "regions",
            List.of("eu", "us"),
            "tiers",
            List.of(1, 2.5),
            "rate",
            0.25);

    private final FlagCatalog catalog = FlagCatalog.parse(DOCUMENT, "flags.json");

    @Nested
    @DisplayName("in the model")
    class Model {

        @Test
        @DisplayName("a catalog keeps every attribute value and type of a basic flag, also of a disabled one")
        void catalog() {
            assertThat(catalog.get("checkout").orElseThrow().attributes()).isEqualTo(CHECKOUT);
            assertThat(catalog.defaults().attributes("checkout")).isEqualTo(CHECKOUT);
            assertThat(catalog.defaults().attributes("legacy")).isEqualTo(Map.of("limit", 3));
            assertThat(catalog.attributeType("checkout", "regions")).contains("array");
            assertThat(catalog.defaults().attributes("ui")).isEqualTo(Map.of("theme", "day"));
        }

        @Test
        @DisplayName("the retrieval form's attribute values are kept too")
        void retrievalForm() {
            FlagCatalog served = FlagCatalog.parse("{\"a\":{\"enabled\":true,\"limit\":5,\"tags\":[\"x\"]}}", "served");

            assertThat(served.defaults().attributes("a")).isEqualTo(Map.of("limit", 5, "tags", List.of("x")));
        }

        @Test
        @DisplayName(
                "flips keep a flag's attribute values; a pin without attributes keeps the profile's, one with attributes overrides them")
        void flipsAndMerges() {
            FlagState state = catalog.defaults().with("checkout", false).with("checkout", true);
            assertThat(state.attributes("checkout")).isEqualTo(CHECKOUT);

            FlagState pin = FlagState.empty().with("checkout", true).withAttribute("checkout", "maxItems", 7);
            assertThat(catalog.defaults().withAll(pin).attributes("checkout"))
                    .containsEntry("maxItems", 7)
                    .containsEntry("banner", "new");
            assertThat(catalog.defaults()
                            .withAll(FlagState.empty().with("checkout", true))
                            .attributes("checkout"))
                    .isEqualTo(CHECKOUT);
        }

        @Test
        @DisplayName(
                "withAll: every flag of the other state in one merge, order kept, a variant pin dropping the basic attributes")
        void withAllMergesEveryFlag() {
            FlagState base = FlagState.empty()
                    .with("a", true)
                    .withAttribute("a", "limit", 1)
                    .with("b", false)
                    .withAttribute("b", "tier", "x");
            Variants variants = Variants.of(
                    List.of(new Variants.Variant("Default", true, java.util.Optional.empty(), Map.of("tier", "gold"))));
            FlagState pin = FlagState.empty()
                    .with("c", true)
                    .withAttribute("c", "n", 3)
                    .with("a", false)
                    .withAttribute("a", "extra", "y")
                    .with("b", variants);

            FlagState merged = base.withAll(pin);

            assertThat(merged.flags()).containsExactly("a", "b", "c");
            assertThat(merged.isOn("a")).isFalse();
            assertThat(merged.attributes("a")).isEqualTo(Map.of("limit", 1, "extra", "y"));
            assertThat(merged.attributes("b")).isEqualTo(Map.of("tier", "gold"));
            assertThat(merged.attributes("c")).isEqualTo(Map.of("n", 3));
            assertThat(base.attributes("a")).isEqualTo(Map.of("limit", 1));
        }

        @Test
        @DisplayName("refuses an attribute of an undeclared or multi-variant flag, and a value AppConfig cannot hold")
        void refusesMisuse() {
            assertThatThrownBy(() -> FlagState.empty().withAttribute("checkout", "maxItems", 5))
                    .isInstanceOf(FlagTestException.class)
                    .hasMessageContaining("the state does not declare 'checkout'");
            assertThatThrownBy(() -> catalog.defaults().withAttribute("ui", "theme", "x"))
                    .isInstanceOf(FlagTestException.class)
                    .hasMessageContaining("multi-variant");
            assertThatThrownBy(() -> catalog.defaults().withAttribute("checkout", "maxItems", Map.of("a", 1)))
                    .isInstanceOf(FlagTestException.class)
                    .hasMessageContaining("a String, a Number, a Boolean or a List of them");
        }

        @Test
        @DisplayName("states differing only in attribute values are not equal")
        void equality() {
            FlagState on = FlagState.empty().with("checkout", true);
            assertThat(on.withAttribute("checkout", "maxItems", 5))
                    .isNotEqualTo(on.withAttribute("checkout", "maxItems", 6))
                    .isEqualTo(on.withAttribute("checkout", "maxItems", 5));
        }
    }

    @Nested
    @DisplayName("read through FakeFlags")
    class Reads {

        private final FakeFlags flags = new FakeFlags(catalog.defaults());

        @Test
        @DisplayName("an ON flag serves its attribute values, typed as asked, each read recorded")
        void typed() {
            assertThat(flags.attributes("checkout")).isEqualTo(CHECKOUT);
            assertThat(flags.attribute("checkout", "maxItems", Integer.class, 10))
                    .isEqualTo(5);
            assertThat(flags.attribute("checkout", "maxItems", Long.class, 10L)).isEqualTo(5L);
            assertThat(flags.attribute("checkout", "rate", Double.class, 1.0)).isEqualTo(0.25);
            assertThat(flags.attribute("checkout", "regions", List.class, List.of()))
                    .isEqualTo(List.of("eu", "us"));
            assertThat(flags.attribute("checkout", "missing", String.class, "none"))
                    .isEqualTo("none");
            assertThat(flags.evaluations("checkout")).hasSize(6);
        }

        @Test
        @DisplayName("an OFF or undeclared flag serves none, as AppConfig serves a disabled flag")
        void offServesNone() {
            assertThat(flags.attributes("legacy")).isEmpty();
            assertThat(flags.attribute("legacy", "limit", Integer.class, 1)).isEqualTo(1);
            assertThat(flags.attribute("nope", "limit", Integer.class, 1)).isEqualTo(1);
            assertThat(flags.undeclaredReads()).containsExactly("nope");
        }

        @Test
        @DisplayName("a multi-variant flag serves the attribute values of the variant its rules pick")
        void variants() {
            assertThat(flags.attribute("ui", "theme", String.class, "?", Map.of("tier", "gold")))
                    .isEqualTo("night");
            assertThat(flags.attribute("ui", "theme", String.class, "?")).isEqualTo("day");
        }

        @Test
        @DisplayName("setAttribute changes what later reads get; a lossy or foreign type is refused naming both")
        void setAndMismatch() {
            flags.setAttribute("checkout", "maxItems", 9);
            assertThat(flags.attribute("checkout", "maxItems", Integer.class, 1))
                    .isEqualTo(9);
            assertThatThrownBy(() -> flags.attribute("checkout", "rate", Integer.class, 1))
                    .isInstanceOf(FlagTestException.class)
                    .hasMessageContaining(
                            "Attribute 'rate' of flag 'checkout' is 0.25 (Double), which cannot be read as Integer");
            assertThatThrownBy(() -> flags.attribute("checkout", "banner", Boolean.class, false))
                    .isInstanceOf(FlagTestException.class)
                    .hasMessageContaining("cannot be read as Boolean");
        }
    }

    @Nested
    @DisplayName("served over HTTP")
    class Served {

        @Test
        @DisplayName("GetLatestConfiguration to the unmodified SDK: every attribute of an ON flag, none of an OFF one")
        void dataApi() throws Exception {
            try (AppConfigEndpoint endpoint = AppConfigEndpoint.start(new FakeFlags(catalog.defaults()));
                    AppConfigDataClient client = AppConfigDataClient.builder()
                            .endpointOverride(endpoint.uri())
                            .region(Region.US_EAST_1)
                            .credentialsProvider(
                                    StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                            .httpClient(UrlConnectionHttpClient.create())
                            .build()) {
                String token = client.startConfigurationSession(r -> r.applicationIdentifier("a")
                                .environmentIdentifier("e")
                                .configurationProfileIdentifier("p"))
                        .initialConfigurationToken();
                JsonNode served = JSON.readTree(client.getLatestConfiguration(r -> r.configurationToken(token))
                        .configuration()
                        .asUtf8String());

                JsonNode expected = JSON.valueToTree(CHECKOUT);
                ((io.github.flagtest.shaded.jackson.databind.node.ObjectNode) expected).put("enabled", true);
                assertThat(served.get("checkout")).isEqualTo(expected);
                assertThat(served.get("legacy")).isEqualTo(JSON.readTree("{\"enabled\":false}"));
                assertThat(served.get("ui"))
                        .isEqualTo(JSON.readTree("{\"_variant\":\"light\",\"enabled\":true,\"theme\":\"day\"}"));
            }
        }

        @Test
        @DisplayName("the agent path's ?flag= answers the flag with its attributes, the variant's for a context")
        void agentPath() throws Exception {
            try (AppConfigEndpoint endpoint = AppConfigEndpoint.start(new FakeFlags(catalog.defaults()))) {
                HttpClient http = HttpClient.newHttpClient();
                URI checkout = URI.create(endpoint.agentUri("a", "e", "p") + "?flag=checkout");
                JsonNode one = JSON.readTree(
                        http.send(HttpRequest.newBuilder(checkout).build(), HttpResponse.BodyHandlers.ofString())
                                .body());
                assertThat(one.get("maxItems").asInt()).isEqualTo(5);
                assertThat(one.get("regions")).isEqualTo(JSON.valueToTree(List.of("eu", "us")));

                URI ui = URI.create(endpoint.agentUri("a", "e", "p") + "?flag=ui");
                JsonNode gold = JSON.readTree(http.send(
                                HttpRequest.newBuilder(ui)
                                        .header("Context", "tier=gold")
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
                assertThat(gold)
                        .isEqualTo(JSON.readTree("{\"_variant\":\"dark\",\"enabled\":true,\"theme\":\"night\"}"));
            }
        }
    }

    @Nested
    @DisplayName("in the stored document AppConfig holds")
    class Stored {

        @Test
        @DisplayName("the team's document unchanged is its own text, byte for byte")
        void asWritten() {
            assertThat(catalog.storedDocument(catalog.defaults())).isEqualTo(DOCUMENT);
        }

        @Test
        @DisplayName("a changed state keeps declarations and every attribute value, and reads back identical")
        void roundTrip() {
            FlagState changed = catalog.defaults().with("legacy", true).withAttribute("checkout", "banner", "sale");
            String stored = catalog.storedDocument(changed);

            assertThat(FlagCatalog.parse(stored, "again").defaults()).isEqualTo(changed);
            assertThat(stored).contains("\"minimum\":1");
        }

        @Test
        @DisplayName("an attribute value outside its declared constraints is refused naming the JSON path")
        void constraints() {
            FlagState tooMany = catalog.defaults().withAttribute("checkout", "maxItems", 500);

            assertThat(catalog.problems(tooMany))
                    .containsExactly("$.values.checkout.maxItems: 500 is above the maximum 50");
            assertThatThrownBy(() -> catalog.storedDocument(tooMany))
                    .isInstanceOf(FlagTestException.class)
                    .hasMessageContaining("flags.json")
                    .hasMessageContaining("$.values.checkout.maxItems: 500 is above the maximum 50");
        }

        @Test
        @DisplayName("a flag or attribute the document does not declare is declared with the type of its value")
        void declares() {
            FlagState state = FlagState.empty().with("fresh", true).withAttribute("fresh", "limit", 3);
            String stored = FlagCatalog.parse("{}", "none").storedDocument(state);

            assertThat(FlagDocumentRules.problems(stored)).isEmpty();
            assertThat(FlagCatalog.parse(stored, "again").defaults()).isEqualTo(state);
        }

        @Test
        @DisplayName("a value {} without enabled is OFF, as the published schema allows it")
        void emptyValue() {
            FlagCatalog empty = FlagCatalog.parse(
                    "{\"version\":\"1\",\"flags\":{\"x\":{\"name\":\"X\"}},\"values\":{\"x\":{}}}", "empty.json");
            assertThat(empty.defaults().isOn("x")).isFalse();
        }
    }
}
