package io.github.flagtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report with an inventory.json (DESIGN "Decisions, round 3", Inventory) in its directory. */
@DisplayName("the report with the deployed inventory merged")
class InventoryReportTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    static final String INVENTORY = """
            {"readAt": "2026-11-28T06:00:00Z",
             "sources": [{"name": "prod-eu", "account": "111122223333", "region": "eu-west-1", "error": null},
                         {"name": "stg", "account": null, "region": "eu-west-1", "error": null},
                         {"name": "down", "account": null, "region": "us-east-1", "error": "Unable to connect <refused>"}],
             "deployments": [
               {"source": "prod-eu", "application": "shop", "environment": "prod", "profile": "flags", "version": "7",
                "deployedAt": "2026-11-20T10:00:00Z",
                "flags": {
                  "free-shipping": {"enabled": true, "since": "2026-09-01T10:00:00Z", "attributes": {}, "variants": []},
                  "old-banner": {"enabled": false, "since": "2026-08-01T10:00:00Z", "attributes": {}, "variants": []},
                  "loyalty-points": {"enabled": true, "since": "2026-11-20T10:00:00Z",
                                     "attributes": {"note": "<script>alert(1)</script>"}, "variants": []},
                  "pricing": {"enabled": false, "since": "2026-11-01T00:00:00Z", "attributes": {"tier": "none"},
                              "variants": [{"name": "Beta", "enabled": true, "rule": "(ends_with $email \\"@example.com\\")",
                                            "attributes": {"tier": "beta"}},
                                           {"name": "Default", "enabled": false, "rule": null, "attributes": {"tier": "none"}}]}}},
               {"source": "stg", "application": "shop", "environment": "staging", "profile": "flags", "version": "9",
                "deployedAt": "2026-11-25T10:00:00Z",
                "flags": {
                  "free-shipping": {"enabled": true, "since": "2026-08-15T10:00:00Z", "attributes": {}, "variants": []},
                  "old-banner": {"enabled": false, "since": "2026-08-01T10:00:00Z", "attributes": {}, "variants": []},
                  "loyalty-points": {"enabled": true, "since": "2026-11-25T10:00:00Z", "attributes": {}, "variants": []}}}],
             "retireAfterDays": 28,
             "repository": {"prod": {"document": "flags/prod.json", "flags": {
                  "free-shipping": {"enabled": true, "attributes": {}, "variants": []},
                  "old-banner": {"enabled": false, "attributes": {}, "variants": []},
                  "loyalty-points": {"enabled": false, "attributes": {}, "variants": []}}}}}
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void records() throws Exception {
        Map<String, Object> header = Map.of(
                "kind", "run",
                "profile", "classpath:flags/prod.json",
                "profileValues",
                        Map.of(
                                "loyalty-points",
                                false,
                                "free-shipping",
                                true,
                                "old-banner",
                                false,
                                "never-deployed",
                                false),
                "catalog", "classpath:flags/catalog.json",
                "catalogFlags",
                        Map.of(
                                "loyalty-points", Map.of("default", false),
                                "free-shipping", Map.of("default", true),
                                "old-banner", Map.of("default", false),
                                "never-deployed", Map.of("default", false)));
        Map<String, Object> test = Map.of(
                "kind", "test",
                "class", "com.example.OrderHandlerTest",
                "name", "OrderHandlerTest.handles()",
                "state", Map.of("loyalty-points", true),
                "evaluations",
                        List.of(Map.of(
                                "flag",
                                "loyalty-points",
                                "value",
                                true,
                                "class",
                                "OrderService",
                                "method",
                                "place",
                                "site",
                                "OrderService.java:42",
                                "line",
                                42,
                                "count",
                                1)),
                "result", "SUCCESSFUL");
        Files.createDirectories(dir.resolve("runs"));
        Files.writeString(
                dir.resolve("runs/tests.jsonl"),
                JSON.writeValueAsString(header) + "\n" + JSON.writeValueAsString(test) + "\n");
        Files.writeString(dir.resolve("inventory.json"), INVENTORY);
    }

    private FlagReport report() {
        return FlagReport.of(RunRecords.read(List.of(dir)), NOW);
    }

    private List<Signal.Code> codes(FlagReport report, String flag) {
        return report.signals(flag).stream().map(Signal::code).toList();
    }

    private String evidence(FlagReport report, String flag, Signal.Code code) {
        return report.signals(flag).stream()
                .filter(s -> s.code() == code)
                .findFirst()
                .orElseThrow(() -> new AssertionError(flag + " has no " + code + ": " + report.signals(flag)))
                .evidence();
    }

    @Nested
    @DisplayName("retirement signals from deployments")
    class Retirement {

        @Test
        @DisplayName(
                "ON in every deployed environment for >= retireAfterDays, with account, environment, version and date")
        void onEverywhere() {
            FlagReport report = report();
            String evidence = evidence(report, "free-shipping", Signal.Code.DEPLOYED_ON_EVERYWHERE);
            assertThat(evidence)
                    .contains("for 88 days (>= 28)")
                    .contains("account 111122223333 (prod-eu) prod shop/flags v7 deployed 2026-11-20")
                    .contains("stg staging shop/flags v9 deployed 2026-11-25, unchanged since 2026-08-15");
        }

        @Test
        @DisplayName("deployed OFF everywhere for >= retireAfterDays")
        void offEverywhere() {
            assertThat(codes(report(), "old-banner")).contains(Signal.Code.DEPLOYED_OFF_EVERYWHERE);
        }

        @Test
        @DisplayName("ON for fewer days than retireAfterDays is no signal; a multi-variant flag never ON everywhere")
        void recent() {
            FlagReport report = report();
            assertThat(codes(report, "loyalty-points"))
                    .doesNotContain(Signal.Code.DEPLOYED_ON_EVERYWHERE, Signal.Code.DEPLOYED_OFF_EVERYWHERE);
            assertThat(codes(report, "pricing"))
                    .doesNotContain(Signal.Code.DEPLOYED_ON_EVERYWHERE, Signal.Code.DEPLOYED_OFF_EVERYWHERE);
        }

        @Test
        @DisplayName("a flag of the repository deployed nowhere")
        void nowhere() {
            assertThat(evidence(report(), "never-deployed", Signal.Code.DEPLOYED_NOWHERE))
                    .contains("in none of the 2 deployments")
                    .contains("prod-eu, stg")
                    .doesNotContain("down");
        }
    }

    @Test
    @DisplayName("a flag deployed but never read by a test gets its own row and signal, not 'declared ... never read'")
    void deployedNeverRead() {
        FlagReport report = report();
        assertThat(codes(report, "pricing"))
                .contains(Signal.Code.DEPLOYED_NEVER_READ)
                .doesNotContain(Signal.Code.NEVER_READ);
        assertThat(codes(report, "loyalty-points")).doesNotContain(Signal.Code.DEPLOYED_NEVER_READ);
    }

    @Test
    @DisplayName("drift: the repository's document for prod differs from what prod has deployed")
    void drift() {
        FlagReport report = report();
        assertThat(evidence(report, "loyalty-points", Signal.Code.DRIFT))
                .contains("flags/prod.json says OFF")
                .contains("prod shop/flags v7")
                .contains("has ON {note=<script>alert(1)</script>}");
        assertThat(codes(report, "free-shipping")).doesNotContain(Signal.Code.DRIFT);
    }

    @Test
    @DisplayName(
            "the page: a column per source and environment with value, variants, attributes and since; sources with errors; all escaped")
    void page() throws Exception {
        Path page = report().write(dir);
        String html = Files.readString(page);
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("#flags thead th.deployed").eachText())
                .containsExactly("prod-eu / prod", "stg / staging");
        var pricing = doc.select("#flags tbody tr").stream()
                .filter(r -> r.child(0).text().equals("pricing"))
                .findFirst()
                .orElseThrow();
        int prodColumn = doc.select("#flags thead th").eachText().indexOf("prod-eu / prod");
        assertThat(pricing.child(prodColumn).text())
                .contains("OFF", "Beta=ON if (ends_with $email \"@example.com\")", "tier=none", "since 2026-11-01");
        assertThat(doc.select("#sources tr.failed").text()).contains("down", "failed: Unable to connect <refused>");
        assertThat(html).doesNotContain("<script>alert(1)").doesNotContain("<refused>");
        assertThat(doc.select("script")).hasSize(1); // the page's own, self-contained
        assertThat(html).doesNotContain("src=\"http").doesNotContain("href=\"http");
        JsonNode flags = JSON.readTree(dir.resolve("flags.json").toFile());
        assertThat(flags.path("inventory").path("sources")).hasSize(3);
    }
}
