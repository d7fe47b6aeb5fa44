package io.github.flagtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("flag report")
class FlagReportTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    static final Map<String, Object> CATALOG = Map.of(
            "loyalty-points",
                    Map.of(
                            "default",
                            false,
                            "description",
                            "Award loyalty points",
                            "deprecated",
                            false,
                            "createdAt",
                            "2026-10-01T00:00:00Z"),
            "free-shipping",
                    Map.of(
                            "default",
                            true,
                            "description",
                            "Free shipping over 50",
                            "deprecated",
                            false,
                            "createdAt",
                            "2025-01-15T00:00:00Z"),
            "old-banner", Map.of("default", false, "description", "Legacy banner", "deprecated", true),
            "never-used", Map.of("default", false, "description", "Planned feature", "deprecated", false));

    @TempDir
    Path dir;

    /** Three CI profile runs (dev, staging, prod) of the same suite, plus one E2E summary. */
    @BeforeEach
    void threeProfiles() throws Exception {
        profileRun(
                "dev", Map.of("loyalty-points", true, "free-shipping", true, "old-banner", false, "never-used", false));
        profileRun(
                "staging",
                Map.of("loyalty-points", true, "free-shipping", true, "old-banner", false, "never-used", false));
        profileRun(
                "prod",
                Map.of("loyalty-points", false, "free-shipping", true, "old-banner", false, "never-used", false));
        Files.createDirectories(dir.resolve("e2e"));
        Files.writeString(dir.resolve("e2e/com.example.OrdersE2ETest.json"), """
                {"class":"com.example.OrdersE2ETest","backend":"embedded",
                 "runs":[{"run":"[loyalty-points=OFF]","flags":{"loyalty-points":"false"}},
                         {"run":"[loyalty-points=ON]","flags":{"loyalty-points":"true"}}],
                 "results":[{"test":"placesAnOrder","run":"[loyalty-points=OFF]","status":"PASS"},
                            {"test":"placesAnOrder","run":"[loyalty-points=ON]","status":"PASS"}],
                 "drills":[],"callouts":[]}""");
    }

    private void profileRun(String profile, Map<String, Object> values) throws Exception {
        List<Object> lines = new ArrayList<>();
        lines.add(Map.of(
                "kind",
                "run",
                "profile",
                "classpath:flags/" + profile + ".json",
                "profileValues",
                values,
                "catalog",
                "classpath:flags/catalog.json",
                "catalogFlags",
                CATALOG));
        for (boolean on : new boolean[] {false, true}) {
            lines.add(Map.of(
                    "kind",
                    "test",
                    "class",
                    "com.example.OrderHandlerTest",
                    "displayName",
                    "[1] event={a very long toString of an event}",
                    "name",
                    "OrderHandlerTest.handles() [1] [loyalty-points=" + (on ? "ON" : "OFF") + "]",
                    "state",
                    Map.of("loyalty-points", on, "free-shipping", true),
                    "matrices",
                    List.of(Map.of("flags", List.of("loyalty-points"))),
                    "evaluations",
                    List.of(
                            read("loyalty-points", on, "OrderService", "place", "OrderService.java:42", 3),
                            read("free-shipping", true, "OrderService", "shipping", "OrderService.java:57", 1),
                            read("free-shipping", true, "ReceiptPrinter", "print", "ReceiptPrinter.java:17", 1),
                            read("rogue-flag", false, "OrderService", "place", "OrderService.java:44", 1)),
                    "entryPoints",
                    List.of(
                            Map.of(
                                    "flag", "loyalty-points",
                                    "declaredAt", "field OrderHandlerTest.loyalty",
                                    "kind", "field",
                                    "callsOn", on ? 1 : 0,
                                    "callsOff", 0),
                            Map.of(
                                    "flag", "loyalty-points",
                                    "declaredAt", "class OrderHandlerTest, type LoyaltyLedger",
                                    "kind", "type",
                                    "callsOn", on ? 2 : 0,
                                    "callsOff", 0)),
                    "result",
                    "SUCCESSFUL"));
        }
        Files.createDirectories(dir.resolve("runs"));
        StringBuilder text = new StringBuilder();
        for (Object line : lines) {
            text.append(JSON.writeValueAsString(line)).append('\n');
        }
        Files.writeString(dir.resolve("runs/tests-" + profile + ".jsonl"), text);
    }

    private static Map<String, Object> read(
            String flag, Object value, String type, String method, String site, int count) {
        return Map.of(
                "flag",
                flag,
                "value",
                value instanceof Boolean b ? (b ? "ON" : "OFF") : value,
                "class",
                "com.example." + type,
                "method",
                method,
                "site",
                site,
                "line",
                Integer.parseInt(site.substring(site.indexOf(':') + 1)),
                "count",
                count);
    }

    private FlagReport report() {
        return FlagReport.of(RunRecords.read(List.of(dir)), NOW);
    }

    @Nested
    @DisplayName("flags.json")
    class Json {

        @Test
        @DisplayName("merges the three profiles and the E2E run: values per profile, sites, coverage per suite")
        void merged() throws Exception {
            report().write(dir);
            JsonNode root = JSON.readTree(dir.resolve("flags.json").toFile());

            assertThat(root.at("/summary/flags").asInt()).isEqualTo(5);
            assertThat(root.at("/summary/tests").asInt()).isEqualTo(6);
            assertThat(root.at("/summary/runs").asInt()).isEqualTo(3);
            assertThat(root.at("/summary/e2eClasses").asInt()).isEqualTo(1);
            assertThat(root.get("profiles").toString()).isEqualTo("[\"(e2e)\",\"dev\",\"prod\",\"staging\"]");
            JsonNode loyalty = flag(root, "loyalty-points");
            assertThat(loyalty.get("profileValues").toString())
                    .isEqualTo("{\"dev\":\"ON\",\"prod\":\"OFF\",\"staging\":\"ON\"}");
            assertThat(loyalty.get("reads").asLong()).isEqualTo(18);
            assertThat(loyalty.at("/sites/0/site").asText())
                    .isEqualTo("com.example.OrderService.place(OrderService.java:42)");
            assertThat(loyalty.at("/coverage/matrix/dev").toString()).isEqualTo("[\"OFF\",\"ON\"]");
            assertThat(loyalty.at("/coverage/e2e").isMissingNode())
                    .as("the E2E summary shows the states its runs had, not that the function read them")
                    .isTrue();
            assertThat(loyalty.get("ranInE2e").toString()).isEqualTo("[\"OFF\",\"ON\"]");
            assertThat(loyalty.get("entryPoints").toString())
                    .isEqualTo("[{\"declaredAt\":\"class OrderHandlerTest, type LoyaltyLedger\",\"kind\":\"type\","
                            + "\"callsOn\":6,\"callsOff\":0},"
                            + "{\"declaredAt\":\"field OrderHandlerTest.loyalty\",\"kind\":\"field\","
                            + "\"callsOn\":3,\"callsOff\":0}]");
            assertThat(loyalty.at("/testsByClass/OrderHandlerTest/ON/count").asLong())
                    .isEqualTo(3);
            assertThat(loyalty.at("/testsByClass/OrderHandlerTest/OFF/tests/0/outcome")
                            .asText())
                    .isEqualTo("PASSED");
            assertThat(loyalty.at("/outcomes").toString()).isEqualTo("{\"PASSED\":6}");
            assertThat(loyalty.at("/testsByClass/OrderHandlerTest/OFF/tests/0/name")
                            .asText())
                    .isEqualTo("OrderHandlerTest.handles() [1] [loyalty-points=OFF]");
            assertThat(loyalty.get("tests").asLong()).isEqualTo(6);
            assertThat(loyalty.get("signals")).isEmpty();
        }

        @Test
        @DisplayName("gives each retirement signal with its evidence")
        void signals() {
            FlagReport report = report();

            assertThat(report.signals("free-shipping"))
                    .extracting(Signal::code)
                    .containsExactly(
                            Signal.Code.ON_EVERYWHERE,
                            Signal.Code.OLD,
                            Signal.Code.ONE_STATE_ONLY,
                            Signal.Code.MULTIPLE_SITES);
            assertThat(report.signals("free-shipping").get(0).evidence())
                    .isEqualTo("ON in dev, prod, staging: remove the flag and its OFF branch");
            assertThat(report.signals("free-shipping").get(1).evidence())
                    .isEqualTo("created 2025-01-15 (682 days ago)");
            assertThat(report.signals("free-shipping").get(3).evidence())
                    .contains("com.example.OrderService.shipping(OrderService.java:57)")
                    .contains("com.example.ReceiptPrinter.print(ReceiptPrinter.java:17)");
            assertThat(report.signals("old-banner"))
                    .extracting(Signal::code)
                    .containsExactly(Signal.Code.NEVER_READ, Signal.Code.DEPRECATED);
            assertThat(report.signals("never-used").get(0).evidence())
                    .isEqualTo("declared in the catalog but read 0 times in 6 tests that ran");
            assertThat(report.signals("rogue-flag"))
                    .extracting(Signal::code)
                    .containsExactly(Signal.Code.NOT_IN_CATALOG, Signal.Code.ONE_STATE_ONLY);
            assertThat(report.retirementCandidates()).isEqualTo(3);
        }
    }

    @Test
    @DisplayName("tests that failed before reading anything give no 'never read' signal")
    void failedBeforeReading(@TempDir Path other) throws Exception {
        Files.createDirectories(other.resolve("runs"));
        String failed = JSON.writeValueAsString(Map.of(
                "kind", "test",
                "class", "com.example.OrderHandlerTest",
                "displayName", "places()",
                "state", Map.of("loyalty-points", true),
                "evaluations", List.of(),
                "result", "FAILED"));
        Files.writeString(
                other.resolve("runs/tests-broken.jsonl"),
                JSON.writeValueAsString(Map.of("kind", "run", "catalogFlags", CATALOG)) + "\n" + failed + "\n" + failed
                        + "\n");

        FlagReport report = FlagReport.of(RunRecords.read(List.of(other)));

        assertThat(report.signals("loyalty-points")).extracting(Signal::code).doesNotContain(Signal.Code.NEVER_READ);
        assertThat(report.signals("never-used")).extracting(Signal::code).doesNotContain(Signal.Code.NEVER_READ);
        assertThat(report.retirementCandidates()).isEqualTo(1); // old-banner: deprecated in the catalog
    }

    @Nested
    @DisplayName("index.html")
    class Html {

        @Test
        @DisplayName("is one self-contained page: summary, sortable filterable table, coverage grid, details")
        void structure() throws Exception {
            Path page = report().write(dir);
            Document html = Jsoup.parse(page.toFile(), "UTF-8");

            assertThat(html.select("script[src], link[rel=stylesheet], img[src^=http], link[href^=http]"))
                    .isEmpty();
            assertThat(html.select(".card .value").eachText()).startsWith("5", "3");
            assertThat(html.select("table#flags thead th").eachText())
                    .containsExactly(
                            "Flag",
                            "Default",
                            "dev",
                            "prod",
                            "staging",
                            "Reads",
                            "Sites",
                            "Tests",
                            "States tested",
                            "Signals",
                            "Outcomes");
            assertThat(html.select("table#flags tbody tr")).hasSize(5);
            assertThat(html.select("table#flags tbody tr[data-candidate=true] td:first-child")
                            .eachText())
                    .containsExactlyInAnyOrder("free-shipping", "never-used", "old-banner");
            assertThat(html.select("#filter")).hasSize(1);
            assertThat(html.select("table#grid tbody tr")).hasSize(5);
            assertThat(html.select("table#grid tbody tr:has(th:contains(loyalty-points)) td.yes"))
                    .as("read OFF and ON in matrix tests")
                    .hasSize(2);
            assertThat(html.select("table#grid tbody tr:has(th:contains(loyalty-points)) td.ran"))
                    .as("E2E runs with either state, reads not visible")
                    .hasSize(2);
            assertThat(html.select("article#flag-loyalty-points dd").text()).contains("OrderService.java:42");
            assertThat(html.select("article#flag-loyalty-points details summary")
                            .text())
                    .as("tests that ran it, grouped by class (collapsible)")
                    .isEqualTo("OrderHandlerTest (6)");
            assertThat(html.select("article#flag-loyalty-points details li").eachText())
                    .as("and by the flag's state, each name once, with its matrix state")
                    .containsExactly(
                            "OFF × 3: OrderHandlerTest.handles() [1] [loyalty-points=OFF]",
                            "ON × 3: OrderHandlerTest.handles() [1] [loyalty-points=ON]");
            assertThat(html.select("article#flag-loyalty-points dd").text())
                    .as("entry points declared by type, with the calls seen per state")
                    .contains("class OrderHandlerTest, type LoyaltyLedger: 6 calls while ON, 0 while OFF");
            assertThat(html.select("style").html()).contains("prefers-color-scheme: dark");
        }

        @Test
        @DisplayName("escapes names and evidence")
        void escapes() throws Exception {
            Files.writeString(
                    dir.resolve("runs/tests-evil.jsonl"),
                    "{\"kind\":\"test\",\"class\":\"X\",\"displayName\":\"<b>t</b>\",\"state\":{\"<script>alert(1)</script>\":true}}\n");
            Document html = Jsoup.parse(report().write(dir).toFile(), "UTF-8");

            assertThat(html.select("table#flags script")).isEmpty();
            assertThat(html.select("table#flags").text()).contains("<script>alert(1)</script>");
        }
    }

    @Test
    @DisplayName("lists the 10 largest test classes of a flag and 20 test names; the rest are counted")
    void boundedTestLists() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int t = 0; t < 300; t++) { // 30 classes, 10 tests each
            lines.append("{\"kind\":\"test\",\"class\":\"com.example.Outer$C")
                    .append(t % 30)
                    .append("\",\"displayName\":\"t")
                    .append(t)
                    .append("\",\"state\":{\"wide\":true}}\n");
        }
        Files.writeString(dir.resolve("runs/tests-wide.jsonl"), lines);

        Document html = Jsoup.parse(report().write(dir).toFile(), "UTF-8");
        JsonNode wide = flag(JSON.readTree(dir.resolve("flags.json").toFile()), "wide");

        assertThat(html.select("article#flag-wide details")).hasSize(10);
        assertThat(html.select("article#flag-wide details summary").first().text())
                .as("a nested class as Java writes it")
                .startsWith("Outer.C");
        assertThat(html.select("article#flag-wide p.muted").text()).isEqualTo("and 20 more classes (200 tests)");
        assertThat(wide.get("testClasses").asInt()).isEqualTo(30);
        assertThat(wide.get("testsByClass")).hasSize(10);
        int names = 0;
        for (JsonNode byState : wide.get("testsByClass")) {
            names += byState.at("/ON/tests").size();
        }
        assertThat(names).isLessThanOrEqualTo(FlagFacts.SAMPLE_TESTS);
    }

    @Test
    @DisplayName("the coverage grid lays out a multi-variant flag's variants under their own headers, not OFF/ON")
    void variantGrid() throws Exception {
        StringBuilder lines = new StringBuilder("{\"kind\":\"run\",\"catalogFlags\":{\"email-template\":{\"default\":"
                + "\"classic\",\"variants\":[\"rich\",\"compact\",\"classic\"]}}}\n");
        for (String variant : List.of("rich", "classic", "plain")) {
            lines.append("{\"kind\":\"test\",\"class\":\"X\",\"displayName\":\"")
                    .append(variant)
                    .append("\",\"state\":{\"email-template\":\"")
                    .append(variant)
                    .append("\"},\"evaluations\":[{\"flag\":\"email-template\",\"value\":\"")
                    .append(variant)
                    .append("\",\"class\":\"A\",\"method\":\"m\",\"site\":\"A.java:3\",\"line\":3,\"count\":1}]}\n");
        }
        Files.writeString(dir.resolve("runs/tests-variants.jsonl"), lines);
        Files.writeString( // an E2E run with the variants deployed records their default variant, disabled here
                dir.resolve("e2e/com.example.MailE2ETest.json"),
                "{\"class\":\"com.example.MailE2ETest\",\"runs\":[{\"run\":\"baseline\","
                        + "\"flags\":{\"email-template\":\"classic (OFF)\"}}],"
                        + "\"results\":[{\"test\":\"sends\",\"run\":\"baseline\",\"status\":\"PASS\"}]}");

        Document html = Jsoup.parse(report().write(dir).toFile(), "UTF-8");

        assertThat(html.select("table#grid tbody tr:has(th:contains(email-template))"))
                .as("not in the OFF/ON grid")
                .isEmpty();
        assertThat(html.select("table#variant-grid thead th").eachText())
                .containsExactly("Flag", "unit: variants tested", "matrix: variants tested", "e2e: variants tested");
        org.jsoup.select.Elements row = html.select("table#variant-grid tbody tr:has(th:contains(email-template)) td");
        assertThat(row).hasSize(3); // one cell per suite
        assertThat(row.get(0).select("span.yes").eachText())
                .as("the catalog's variants, then a variant only a profile has")
                .containsExactly("✓ rich", "✓ classic", "✓ plain");
        assertThat(row.get(0).select("span.no").eachText()).containsExactly("✗ compact");
        assertThat(row.get(1).select("span.yes")).isEmpty();
        assertThat(row.get(2).select("span.ran").eachText())
                .as("ran in E2E with its default variant")
                .containsExactly("○ classic");
    }

    @Test
    @DisplayName("shows a flag's attribute values under its value, for the catalog and each profile")
    void attributeValues() throws Exception {
        Path run = dir.resolve("attributes");
        Files.createDirectories(run.resolve("runs"));
        Files.writeString(
                run.resolve("runs/tests-prod.jsonl"),
                "{\"kind\":\"run\",\"profile\":\"classpath:flags/prod.json\",\"profileValues\":{\"x\":true},"
                        + "\"profileAttributes\":{\"x\":{\"maxItems\":5,\"regions\":[\"eu\"]}},"
                        + "\"catalog\":\"classpath:flags/catalog.json\",\"catalogFlags\":{\"x\":{\"default\":false,"
                        + "\"attributes\":{\"banner\":\"<new>\"}}}}\n"
                        + "{\"kind\":\"test\",\"class\":\"X\",\"displayName\":\"t\",\"state\":{\"x\":true}}\n");

        Path page = FlagReport.of(RunRecords.read(List.of(run)), NOW).write(run);
        Document html = Jsoup.parse(page.toFile(), "UTF-8");

        assertThat(html.select("table#flags tbody tr:first-child .attributes").eachText())
                .containsExactly("banner=<new>", "maxItems=5, regions=[\"eu\"]");
    }

    @Test
    @DisplayName("'ON in every profile' needs two profiles at least: one profile says nothing about the others")
    void onEverywhereNeedsTwoProfiles() throws Exception {
        Path single = dir.resolve("single");
        Files.createDirectories(single.resolve("runs"));
        Files.writeString(
                single.resolve("runs/tests-prod.jsonl"),
                "{\"kind\":\"run\",\"profile\":\"classpath:flags/prod.json\",\"profileValues\":{\"x\":true}}\n"
                        + "{\"kind\":\"test\",\"class\":\"X\",\"displayName\":\"t\",\"state\":{\"x\":true}}\n");

        FlagReport report = FlagReport.of(RunRecords.read(List.of(single)), NOW);

        assertThat(report.signals("x")).extracting(Signal::code).doesNotContain(Signal.Code.ON_EVERYWHERE);
    }

    @Test
    @DisplayName("an E2E test that reads no flag is not coverage: its states are listed as run, reads not visible")
    void e2eWithoutReads() throws Exception {
        Files.writeString(
                dir.resolve("runs/tests-e2e.jsonl"),
                "{\"kind\":\"run\",\"profile\":\"classpath:flags/prod.json\"}\n"
                        + "{\"kind\":\"test\",\"class\":\"com.example.OrdersE2ETest\",\"displayName\":\"t\","
                        + "\"e2e\":true,\"state\":{\"checkout-v2\":false},\"result\":\"SUCCESSFUL\"}\n");
        Document html = Jsoup.parse(report().write(dir).toFile(), "UTF-8");
        JsonNode checkout = flag(JSON.readTree(dir.resolve("flags.json").toFile()), "checkout-v2");

        assertThat(checkout.get("coverage")).isEmpty();
        assertThat(checkout.get("ranInE2e").toString()).isEqualTo("[\"OFF\"]");
        assertThat(html.select("table#grid tbody tr:has(th:contains(checkout-v2)) td.yes"))
                .isEmpty();
        assertThat(html.select("table#grid tbody tr:has(th:contains(checkout-v2)) td.ran")
                        .attr("title"))
                .contains("reads are not visible");
    }

    @Test
    @DisplayName("a test covers a flag's state only if it read the flag: a pin alone is not coverage")
    void coverageNeedsARead(@TempDir Path other) throws Exception {
        Files.createDirectories(other.resolve("runs"));
        Files.writeString(
                other.resolve("runs/tests-pins.jsonl"),
                "{\"kind\":\"test\",\"class\":\"X\",\"displayName\":\"t\",\"result\":\"SUCCESSFUL\","
                        + "\"state\":{\"pinned-only\":true,\"read\":true},\"evaluations\":[{\"flag\":\"read\","
                        + "\"value\":\"ON\",\"class\":\"A\",\"method\":\"m\",\"site\":\"A.java:3\",\"line\":3,\"count\":1}]}\n");
        FlagReport.of(RunRecords.read(List.of(other)), NOW).write(other);
        JsonNode root = JSON.readTree(other.resolve("flags.json").toFile());

        assertThat(flag(root, "pinned-only").get("coverage")).isEmpty();
        assertThat(flag(root, "pinned-only").get("tests").asLong())
                .as("it ran with it all the same")
                .isOne();
        assertThat(flag(root, "read").at("/coverage/unit").toString()).isEqualTo("{\"(no profile)\":[\"ON\"]}");
    }

    @Test
    @DisplayName("a flag flipped mid-test is listed, and covered, under every state it had")
    void flippedMidTest(@TempDir Path other) throws Exception {
        Files.createDirectories(other.resolve("runs"));
        Files.writeString(
                other.resolve("runs/tests-flip.jsonl"),
                "{\"kind\":\"test\",\"class\":\"X\",\"name\":\"X.killSwitch()\",\"result\":\"SUCCESSFUL\","
                        + "\"state\":{\"kill\":false},\"finalState\":{\"kill\":true},\"evaluations\":["
                        + "{\"flag\":\"kill\",\"value\":\"OFF\",\"class\":\"A\",\"method\":\"m\",\"site\":\"A.java:3\",\"line\":3},"
                        + "{\"flag\":\"kill\",\"value\":\"ON\",\"class\":\"A\",\"method\":\"m\",\"site\":\"A.java:3\",\"line\":3}]}\n");
        Document html = Jsoup.parse(
                FlagReport.of(RunRecords.read(List.of(other)), NOW).write(other).toFile(), "UTF-8");
        JsonNode kill = flag(JSON.readTree(other.resolve("flags.json").toFile()), "kill");

        assertThat(kill.at("/coverage/unit/(no profile)").toString()).isEqualTo("[\"OFF\",\"ON\"]");
        assertThat(html.select("article#flag-kill details li").eachText())
                .containsExactly("OFF × 1: X.killSwitch()", "ON × 1: X.killSwitch()");
        assertThat(kill.get("tests").asLong()).as("one test all the same").isOne();
    }

    @Test
    @DisplayName("shows each test's outcome next to its name and as counts per flag and on the page")
    void outcomes(@TempDir Path other) throws Exception {
        Files.createDirectories(other.resolve("runs"));
        StringBuilder lines = new StringBuilder();
        List<String> results = List.of("SUCCESSFUL", "SUCCESSFUL", "FAILED", "ABORTED", "EXPECTED_MISS");
        for (int i = 0; i < results.size(); i++) {
            String result = results.get(i);
            lines.append("{\"kind\":\"test\",\"class\":\"X\",\"name\":\"X.t")
                    .append(i)
                    .append("()\",\"result\":\"")
                    .append(result)
                    .append("\",\"state\":{\"x\":true},\"evaluations\":[{\"flag\":\"x\",\"value\":\"ON\","
                            + "\"class\":\"A\",\"method\":\"m\",\"site\":\"A.java:3\",\"line\":3}]}\n");
        }
        Files.writeString(other.resolve("runs/tests-outcomes.jsonl"), lines);
        Document html = Jsoup.parse(
                FlagReport.of(RunRecords.read(List.of(other)), NOW).write(other).toFile(), "UTF-8");
        JsonNode root = JSON.readTree(other.resolve("flags.json").toFile());

        assertThat(root.at("/summary/outcomes").toString())
                .isEqualTo("{\"PASSED\":2,\"FAILED\":1,\"SKIPPED\":1,\"EXPECTED_MISS\":1}");
        assertThat(flag(root, "x").get("outcomes")).isEqualTo(root.at("/summary/outcomes"));
        assertThat(html.select("table#flags tbody tr td:last-child").text())
                .isEqualTo("2 passed, 1 failed, 1 skipped, 1 expected miss");
        assertThat(html.select("article#flag-x details li span.test.failed").eachText())
                .containsExactly("X.t2()");
        assertThat(html.select("article#flag-x details li span.test"))
                .as("names with one outcome share a span")
                .extracting(span -> span.className() + " " + span.attr("title") + ": " + span.text())
                .containsExactly(
                        "test passed : X.t0(), X.t1()",
                        "test failed failed: X.t2()",
                        "test skipped skipped: X.t3()",
                        "test expected-miss expected miss: X.t4()");
        assertThat(html.select(".card:has(.label:containsOwn(tests failed)) .value")
                        .text())
                .isEqualTo("1");
        assertThat(html.select(".card:has(.label:containsOwn(tests failed))").hasClass("warn"))
                .isTrue();
    }

    @Test
    @DisplayName("the tiles say what they count; one E2E class run under three profiles is one class with three runs")
    void tiles(@TempDir Path ci) throws Exception {
        List<Path> dirs = new ArrayList<>();
        for (String profile : List.of("dev", "staging", "prod")) {
            Path run = ci.resolve(profile);
            Files.createDirectories(run.resolve("e2e"));
            Files.createDirectories(run.resolve("runs"));
            Files.writeString(
                    run.resolve("runs/tests-" + profile + ".jsonl"),
                    "{\"kind\":\"run\",\"profile\":\"classpath:flags/" + profile + ".json\"}\n"
                            + "{\"kind\":\"test\",\"class\":\"X\",\"name\":\"X.t()\",\"result\":\"SUCCESSFUL\","
                            + "\"state\":{\"x\":true}}\n");
            Files.writeString(
                    run.resolve("e2e/com.example.OrdersE2ETest.json"),
                    "{\"class\":\"com.example.OrdersE2ETest\",\"runs\":[],\"results\":[]}");
            dirs.add(run);
        }
        Document html =
                Jsoup.parse(FlagReport.of(RunRecords.read(dirs), NOW).write(ci).toFile(), "UTF-8");
        JsonNode root = JSON.readTree(ci.resolve("flags.json").toFile());

        assertThat(root.at("/summary/e2eClasses").asInt()).isOne();
        assertThat(root.at("/summary/e2eRuns").asInt()).isEqualTo(3);
        assertThat(html.select(".card .label").eachText()).contains("E2E class", "test JVM runs", "tests passed");
        assertThat(html.select(".card:has(.label:containsOwn(E2E class))").attr("title"))
                .contains("3 times");
        assertThat(html.select(".card"))
                .allSatisfy(card -> assertThat(card.attr("title")).isNotBlank());
    }

    @Test
    @DisplayName("reads a record whose fields come in another order than the extension writes them")
    void fieldOrder(@TempDir Path other) throws Exception {
        Files.createDirectories(other.resolve("runs"));
        Files.writeString(
                other.resolve("runs/tests-order.jsonl"),
                "{\"profile\":\"classpath:flags/prod.json\",\"kind\":\"run\"}\n"
                        + "{\"state\":{\"x\":true},\"kind\":\"test\",\"class\":\"X\",\"name\":\"X.t()\","
                        + "\"evaluations\":[{\"line\":3,\"value\":\"ON\",\"flag\":\"x\",\"class\":\"A\",\"method\":\"m\",\"site\":\"A.java:3\"}],"
                        + "\"result\":\"FAILED\"}\n");
        RunRecords records = RunRecords.read(List.of(other));

        assertThat(records.profiles).containsExactly("prod");
        assertThat(records.flags.get("x").coverage).containsKey("unit");
        assertThat(records.outcomes).containsEntry(Outcome.FAILED, 1L);
    }

    @Test
    @DisplayName(
            "flags exercised only by E2E tests are E2E coverage, not 'never read' (the function reads them elsewhere)")
    void e2eRecords() throws Exception {
        Files.writeString(
                dir.resolve("runs/tests-e2e.jsonl"),
                "{\"kind\":\"test\",\"class\":\"X\",\"displayName\":\"t\",\"e2e\":true,\"state\":{\"e2e-only\":true}}\n");

        FlagReport report = report();

        assertThat(report.signals("e2e-only")).extracting(Signal::code).doesNotContain(Signal.Code.NEVER_READ);
    }

    @Test
    @DisplayName("flags read by name from AppConfigEndpoint (?flag=) are listed, but are not a second read site")
    void servedReads() throws Exception {
        Files.writeString(
                dir.resolve("runs/tests-served.jsonl"),
                "{\"kind\":\"test\",\"class\":\"X\",\"displayName\":\"t\","
                        + "\"state\":{\"loyalty-points\":true},\"evaluations\":[{\"flag\":\"loyalty-points\",\"value\":\"ON\","
                        + "\"class\":\"io.github.flagtest.core.AppConfigEndpoint\",\"method\":\"agent?flag=\","
                        + "\"site\":\"appconfig:orders/prod/flags\",\"line\":-1,\"count\":1}]}\n");
        FlagReport report = report();
        report.write(dir);

        assertThat(report.signals("loyalty-points"))
                .extracting(Signal::code)
                .doesNotContain(Signal.Code.MULTIPLE_SITES);
        JsonNode loyalty = flag(JSON.readTree(dir.resolve("flags.json").toFile()), "loyalty-points");
        assertThat(loyalty.at("/servedBy/0/source").asText()).isEqualTo("appconfig:orders/prod/flags");
        assertThat(loyalty.get("sites")).hasSize(1);
    }

    @Test
    @DisplayName("a whole document served is listed as served, is not a read, and does not make its flags 'never read'")
    void servedWhole() throws Exception {
        Files.writeString(
                dir.resolve("runs/tests-whole.jsonl"),
                "{\"kind\":\"test\",\"class\":\"X\",\"displayName\":\"t\",\"result\":\"SUCCESSFUL\","
                        + "\"state\":{\"sms\":true,\"unserved\":false},\"evaluations\":[],"
                        + "\"serves\":[{\"flag\":\"sms\",\"source\":\"appconfig:orders/prod/flags\","
                        + "\"operation\":\"GetLatestConfiguration\",\"count\":2}]}\n");
        FlagReport report = report();
        report.write(dir);

        JsonNode sms = flag(JSON.readTree(dir.resolve("flags.json").toFile()), "sms");
        assertThat(sms.get("reads").asLong()).isZero();
        assertThat(sms.at("/servedWhole/0/source").asText())
                .isEqualTo("GetLatestConfiguration of appconfig:orders/prod/flags");
        assertThat(sms.at("/servedWhole/0/serves").asLong()).isEqualTo(2);
        assertThat(report.signals("sms")).extracting(Signal::code).doesNotContain(Signal.Code.NEVER_READ);
        assertThat(report.signals("unserved")).extracting(Signal::code).contains(Signal.Code.NEVER_READ);
        assertThat(Files.readString(dir.resolve("index.html")))
                .contains("served whole by <code>GetLatestConfiguration of appconfig:orders/prod/flags</code> &times; 2"
                        + " (reads not visible)");
    }

    @Test
    @DisplayName("a test served a variant by targeting covers that variant and is listed under it, not under the"
            + " default's OFF it started with")
    void servedVariant() throws Exception {
        Files.writeString(
                dir.resolve("runs/tests-targeting.jsonl"),
                "{\"kind\":\"run\",\"catalog\":\"flags/prod.json\",\"catalogFlags\":{\"loyalty\":"
                        + "{\"default\":false,\"variants\":[\"beta\",\"default\"]}}}\n"
                        + "{\"kind\":\"test\",\"class\":\"com.example.TargetingTest\",\"displayName\":\"beta()\","
                        + "\"result\":\"SUCCESSFUL\",\"state\":{\"loyalty\":false},\"finalState\":{\"loyalty\":false},"
                        + "\"evaluations\":[{\"flag\":\"loyalty\",\"value\":\"ON\",\"class\":\"A\",\"method\":\"m\","
                        + "\"site\":\"A.java:3\",\"line\":3,\"count\":1,\"variant\":\"beta\"}]}\n"
                        + "{\"kind\":\"test\",\"class\":\"com.example.FlipTest\",\"displayName\":\"flip()\","
                        + "\"result\":\"SUCCESSFUL\",\"state\":{\"loyalty\":false},\"finalState\":{\"loyalty\":true},"
                        + "\"evaluations\":[{\"flag\":\"loyalty\",\"value\":\"ON\",\"class\":\"A\",\"method\":\"m\","
                        + "\"site\":\"A.java:3\",\"line\":3,\"count\":1,\"variant\":\"beta\"}]}\n");
        report().write(dir);

        JsonNode loyalty = flag(JSON.readTree(dir.resolve("flags.json").toFile()), "loyalty");
        assertThat(loyalty.at("/coverage/unit")).hasToString("{\"(no profile)\":[\"beta\"]}");
        assertThat(loyalty.at("/testsByClass/TargetingTest").fieldNames())
                .toIterable()
                .containsExactly("beta");
        assertThat(loyalty.at("/testsByClass/FlipTest").fieldNames()) // flipped ON during the test: listed there too
                .toIterable()
                .containsExactly("ON", "beta");
    }

    @Test
    @DisplayName(
            "a multi-variant flag lists the variants its reads were served and the catalog's variants never served")
    void variants() throws Exception {
        Files.writeString(
                dir.resolve("runs/tests-variants.jsonl"),
                "{\"kind\":\"run\",\"catalog\":\"flags/prod.json\",\"catalogFlags\":{\"checkout\":"
                        + "{\"default\":\"Classic\",\"variants\":[\"Gold\",\"Paused\",\"Classic\"]}}}\n"
                        + "{\"kind\":\"test\",\"class\":\"X\",\"displayName\":\"t\",\"result\":\"SUCCESSFUL\","
                        + "\"state\":{\"checkout\":\"Classic\"},\"evaluations\":["
                        + "{\"flag\":\"checkout\",\"value\":\"Gold\",\"class\":\"A\",\"method\":\"m\",\"site\":\"A.java:3\","
                        + "\"line\":3,\"count\":3,\"variant\":\"Gold\"},"
                        + "{\"flag\":\"checkout\",\"value\":\"Classic\",\"class\":\"A\",\"method\":\"m\",\"site\":\"A.java:3\","
                        + "\"line\":3,\"count\":2,\"variant\":\"Classic\"}]}\n");
        FlagReport report = report();
        report.write(dir);

        JsonNode checkout = flag(JSON.readTree(dir.resolve("flags.json").toFile()), "checkout");
        assertThat(checkout.at("/variantsServed/Gold").asLong()).isEqualTo(3);
        assertThat(checkout.at("/variantsServed/Classic").asLong()).isEqualTo(2);
        assertThat(checkout.get("variantsNeverServed"))
                .extracting(JsonNode::asText)
                .containsExactly("Paused");
        assertThat(Files.readString(dir.resolve("index.html")))
                .contains("<dt>Variants served</dt><dd>Classic &times; 2, Gold &times; 3; never served: Paused");
    }

    @Test
    @DisplayName("a broken record names its file and line")
    void brokenRecord() throws Exception {
        Files.writeString(dir.resolve("runs/tests-broken.jsonl"), "{\"kind\":\"test\"}\nnot json\n");

        assertThatThrownBy(() -> RunRecords.read(List.of(dir)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tests-broken.jsonl:2: not a flagtest record");
    }

    @Test
    @DisplayName("names the page in one line")
    void summaryLine() {
        assertThat(report().summaryLine(Path.of("target/flagtest/index.html")))
                .isEqualTo("flagtest report: target/flagtest/index.html (5 flags, 3 retirement candidates)");
    }

    @Test
    @DisplayName("says flag and candidate in the singular for one")
    void summaryLineSingular(@TempDir Path single) throws Exception {
        Files.createDirectories(single.resolve("runs"));
        Files.writeString(
                single.resolve("runs/tests-one.jsonl"),
                "{\"kind\":\"test\",\"class\":\"com.example.T\",\"displayName\":\"t()\",\"state\":{\"solo\":true},\"result\":\"SUCCESSFUL\"}\n");

        assertThat(FlagReport.of(RunRecords.read(List.of(single))).summaryLine(Path.of("index.html")))
                .isEqualTo("flagtest report: index.html (1 flag, 1 retirement candidate)");
    }

    static JsonNode flag(JsonNode root, String name) {
        for (JsonNode flag : root.get("flags")) {
            if (flag.get("name").asText().equals(name)) {
                return flag;
            }
        }
        throw new AssertionError("no flag " + name);
    }
}
