package io.github.flagtest.report.browser;

import io.github.flagtest.report.FlagReport;
import io.github.flagtest.report.RunRecords;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A realistic report: the samples' flags (orders, notifications, pricing) run under the dev,
 * staging and prod profiles, one E2E class, and an inventory of three deployed environments in
 * three accounts plus a source that failed. It has retirement candidates (ON everywhere, deprecated,
 * deployed nowhere, deployed OFF everywhere), drift, a multi-variant flag and a failed test.
 */
final class SampleReport {

    static final Clock NOW = Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PROFILES = List.of("dev", "staging", "prod");

    private SampleReport() {}

    /** Writes the records and the inventory into {@code dir}, then the report; returns {@code index.html}. */
    static Path write(Path dir) {
        return write(dir, true);
    }

    /** The same, with or without the inventory: what a test run writes before one is merged. */
    static Path write(Path dir, boolean inventory) {
        try {
            Files.createDirectories(dir.resolve("runs"));
            Files.createDirectories(dir.resolve("e2e"));
            for (String profile : PROFILES) {
                Files.writeString(dir.resolve("runs/tests-" + profile + ".jsonl"), run(profile));
            }
            Files.writeString(dir.resolve("e2e/com.example.orders.OrdersE2ETest.json"), E2E);
            if (inventory) {
                Files.writeString(dir.resolve("inventory.json"), INVENTORY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return FlagReport.of(RunRecords.read(List.of(dir)), NOW).write(dir);
    }

    private static Map<String, Object> profileValues(String profile) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("loyalty-points", !profile.equals("prod"));
        values.put("free-shipping", profile.equals("dev"));
        values.put("sms-channel", profile.equals("dev"));
        values.put(
                "email-template", profile.equals("dev") ? "rich" : profile.equals("staging") ? "compact" : "classic");
        values.put("dynamic-discount", profile.equals("dev"));
        values.put("legacy-rounding", true);
        values.put("old-banner", false);
        return values;
    }

    private static String run(String profile) throws IOException {
        List<Object> lines = new ArrayList<>();
        lines.add(Map.of(
                "kind",
                "run",
                "profile",
                "classpath:flags/" + profile + ".json",
                "profileValues",
                profileValues(profile),
                "catalog",
                "classpath:flags/catalog.json",
                "catalogFlags",
                CATALOG));
        for (boolean loyalty : new boolean[] {false, true}) {
            for (boolean shipping : new boolean[] {false, true}) {
                lines.add(test(
                        "com.example.orders.OrderHandlerTest",
                        "OrderHandlerTest.placesAnOrder() [loyalty-points=" + state(loyalty) + ", free-shipping="
                                + state(shipping) + "]",
                        Map.of("loyalty-points", loyalty, "free-shipping", shipping),
                        List.of("loyalty-points", "free-shipping"),
                        List.of(
                                read("loyalty-points", state(loyalty), "OrderService", "place", 42, 3),
                                read("free-shipping", state(shipping), "ShippingCalculator", "fee", 31, 1)),
                        "SUCCESSFUL"));
            }
        }
        boolean loyalty = !profile.equals("prod");
        lines.add(test(
                "com.example.orders.OrderHandlerTest",
                "OrderHandlerTest.refundsAnOrder()",
                Map.of("loyalty-points", loyalty),
                List.of(),
                List.of(read("loyalty-points", state(loyalty), "RefundService", "refund", 77, 2)),
                "SUCCESSFUL"));
        for (String template : List.of("rich", "classic", "compact")) {
            lines.add(test(
                    "com.example.notifications.NotificationHandlerTest",
                    "NotificationHandlerTest.sendsTheReceipt() [email-template=" + template + "]",
                    Map.of("email-template", template, "sms-channel", profile.equals("dev")),
                    List.of("email-template"),
                    List.of(
                            read("email-template", template, "ReceiptMailer", "render", 23, 1),
                            read("sms-channel", state(profile.equals("dev")), "NotificationService", "send", 58, 1)),
                    "SUCCESSFUL"));
        }
        for (boolean discount : new boolean[] {false, true}) {
            lines.add(test(
                    "com.example.pricing.PriceHandlerTest",
                    "PriceHandlerTest.quotesAPrice() [dynamic-discount=" + state(discount) + "]",
                    Map.of("dynamic-discount", discount, "legacy-rounding", true),
                    List.of("dynamic-discount"),
                    List.of(
                            read("dynamic-discount", state(discount), "DiscountPolicy", "rate", 19, 40),
                            read("legacy-rounding", "ON", "Rounding", "round", 12, 4),
                            read("legacy-rounding", "ON", "PriceFormatter", "format", 88, 1)),
                    discount && profile.equals("prod") ? "FAILED" : "SUCCESSFUL"));
        }
        StringBuilder text = new StringBuilder();
        for (Object line : lines) {
            text.append(JSON.writeValueAsString(line)).append('\n');
        }
        return text.toString();
    }

    private static String state(boolean on) {
        return on ? "ON" : "OFF";
    }

    private static Map<String, Object> test(
            String className,
            String name,
            Map<String, Object> state,
            List<String> matrix,
            List<Map<String, Object>> reads,
            String result) {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("kind", "test");
        test.put("class", className);
        test.put("name", name);
        test.put("state", state);
        test.put("matrices", matrix.isEmpty() ? List.of() : List.of(Map.of("flags", matrix)));
        test.put("evaluations", reads);
        test.put("result", result);
        return test;
    }

    private static Map<String, Object> read(String flag, String value, String type, String method, int line, int n) {
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("flag", flag);
        read.put("value", value);
        if (!value.equals("ON") && !value.equals("OFF")) {
            read.put("variant", value);
        }
        read.put("class", "com.example." + type);
        read.put("method", method);
        read.put("site", type + ".java:" + line);
        read.put("line", line);
        read.put("count", n);
        return read;
    }

    private static final Map<String, Object> CATALOG = Map.of(
            "loyalty-points",
            Map.of(
                    "default",
                    false,
                    "description",
                    "Award one loyalty point per euro spent",
                    "createdAt",
                    "2026-10-20T09:00:00Z"),
            "free-shipping",
            Map.of(
                    "default",
                    false,
                    "description",
                    "No shipping fee on orders of 50 EUR or more",
                    "createdAt",
                    "2026-09-02T09:00:00Z"),
            "sms-channel",
            Map.of("default", false, "description", "Send order updates by SMS", "createdAt", "2026-11-02T09:00:00Z"),
            "email-template",
            Map.of(
                    "default",
                    "classic",
                    "description",
                    "Receipt e-mail layout",
                    "variants",
                    List.of("rich", "classic", "compact"),
                    "createdAt",
                    "2026-08-14T09:00:00Z"),
            "dynamic-discount",
            Map.of("default", false, "description", "Discount by basket size", "createdAt", "2026-11-10T09:00:00Z"),
            "legacy-rounding",
            Map.of(
                    "default",
                    true,
                    "description",
                    "Round prices half-up as the 2019 price list did",
                    "createdAt",
                    "2025-03-01T09:00:00Z"),
            "old-banner",
            Map.of("default", false, "description", "Autumn sale banner", "deprecated", true),
            "gift-wrap",
            Map.of("default", false, "description", "Gift wrapping at checkout", "createdAt", "2026-11-30T09:00:00Z"));

    private static final String E2E = """
            {"class":"com.example.orders.OrdersE2ETest","backend":"embedded",
             "runs":[{"run":"[loyalty-points=OFF]","flags":{"loyalty-points":"false"}},
                     {"run":"[loyalty-points=ON]","flags":{"loyalty-points":"true"}}],
             "results":[{"test":"placesAnOrder","run":"[loyalty-points=OFF]","status":"PASS"},
                        {"test":"placesAnOrder","run":"[loyalty-points=ON]","status":"PASS"}],
             "drills":[],"callouts":[]}""";

    private static final String INVENTORY = """
            {"readAt": "2026-12-06T06:00:00Z",
             "sources": [{"name": "prod-eu", "account": "111122223333", "region": "eu-west-1", "error": null},
                         {"name": "prod-us", "account": "444455556666", "region": "us-east-1", "error": null},
                         {"name": "stg", "account": "777788889999", "region": "eu-west-1", "error": null},
                         {"name": "sandbox", "account": null, "region": "eu-central-1",
                          "error": "AccessDenied: not authorized to perform sts:AssumeRole"}],
             "deployments": [
               %s,
               %s,
               {"source": "stg", "application": "shop", "environment": "staging", "profile": "flags", "version": "31",
                "deployedAt": "2026-12-04T10:00:00Z",
                "flags": {
                  "loyalty-points": {"enabled": true, "since": "2026-11-03T10:00:00Z", "attributes": {}, "variants": []},
                  "free-shipping": {"enabled": false, "since": "2026-09-05T10:00:00Z", "attributes": {}, "variants": []},
                  "sms-channel": {"enabled": false, "since": "2026-11-03T10:00:00Z", "attributes": {}, "variants": []},
                  "email-template": {"enabled": true, "since": "2026-11-20T10:00:00Z", "attributes": {"layout": "compact"},
                    "variants": [{"name": "rich", "enabled": true, "rule": "(ends_with $email \\"@example.com\\")",
                                  "attributes": {"layout": "rich"}},
                                 {"name": "compact", "enabled": true, "rule": null, "attributes": {"layout": "compact"}}]},
                  "dynamic-discount": {"enabled": false, "since": "2026-11-12T10:00:00Z", "attributes": {}, "variants": []},
                  "legacy-rounding": {"enabled": true, "since": "2025-04-01T10:00:00Z", "attributes": {}, "variants": []},
                  "black-friday-2025": {"enabled": false, "since": "2025-12-01T10:00:00Z", "attributes": {}, "variants": []}}}],
             "retireAfterDays": 28,
             "repository": {"prod": {"document": "flags/prod.json", "flags": {
                  "loyalty-points": {"enabled": false, "attributes": {}, "variants": []},
                  "free-shipping": {"enabled": false, "attributes": {}, "variants": []},
                  "sms-channel": {"enabled": false, "attributes": {}, "variants": []},
                  "dynamic-discount": {"enabled": false, "attributes": {}, "variants": []},
                  "legacy-rounding": {"enabled": true, "attributes": {}, "variants": []}}}}}
            """.formatted(
            prod("prod-eu", "42", "2026-11-28T10:00:00Z", true), prod("prod-us", "17", "2026-11-21T10:00:00Z", false));

    /** A prod deployment; prod-eu has turned loyalty points on (drift from flags/prod.json). */
    private static String prod(String source, String version, String deployedAt, boolean loyalty) {
        return """
                {"source": "%s", "application": "shop", "environment": "prod", "profile": "flags", "version": "%s",
                 "deployedAt": "%s",
                 "flags": {
                   "loyalty-points": {"enabled": %s, "since": "%s", "attributes": {}, "variants": []},
                   "free-shipping": {"enabled": false, "since": "2026-09-05T10:00:00Z", "attributes": {}, "variants": []},
                   "sms-channel": {"enabled": false, "since": "2026-11-03T10:00:00Z", "attributes": {}, "variants": []},
                   "email-template": {"enabled": true, "since": "2026-08-20T10:00:00Z", "attributes": {"layout": "classic"},
                     "variants": [{"name": "classic", "enabled": true, "rule": null, "attributes": {"layout": "classic"}}]},
                   "dynamic-discount": {"enabled": false, "since": "2026-11-12T10:00:00Z", "attributes": {}, "variants": []},
                   "legacy-rounding": {"enabled": true, "since": "2025-03-20T10:00:00Z", "attributes": {}, "variants": []},
                   "black-friday-2025": {"enabled": false, "since": "2025-12-01T10:00:00Z", "attributes": {}, "variants": []}}}""".formatted(source, version, deployedAt, loyalty, loyalty ? deployedAt : "2026-10-21T10:00:00Z");
    }
}
