package io.github.flagtest.report;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The single self-contained page: inline CSS and a little vanilla JS, light and dark. */
final class HtmlPage {

    static final List<String> SUITES = List.of("unit", "matrix", "e2e");

    private HtmlPage() {}

    static String render(FlagReport report) {
        RunRecords records = report.records();
        List<String> profiles = records.profiles.stream()
                .filter(p -> !p.equals(RunRecords.E2E_PROFILE) && !p.equals(RunRecords.NO_PROFILE))
                .toList();
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>flagtest report</title>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>flagtest report</h1>\n<p class=\"meta\">generated ")
                .append(esc(report.generatedAt().toString()))
                .append("</p>\n<div class=\"cards\">\n");
        card(
                html,
                "flags",
                report.flags(),
                "",
                "flags known from the catalog, the profiles, the tests and deployments");
        card(
                html,
                "retirement candidates",
                report.retirementCandidates(),
                report.retirementCandidates() > 0 ? "warn" : "",
                "flags with a signal that they may be ready to remove");
        card(
                html,
                "signals",
                report.entries().stream().mapToInt(e -> e.signals().size()).sum(),
                "",
                "retirement signals and hygiene warnings over all flags");
        card(html, "tests", records.tests, "", "test records: one per test, matrix run and profile run");
        for (Outcome outcome : Outcome.values()) {
            long count = records.outcomes.getOrDefault(outcome, 0L);
            if (count > 0 || outcome == Outcome.PASSED || outcome == Outcome.FAILED) {
                card(
                        html,
                        "tests " + outcome.label(),
                        count,
                        outcome == Outcome.FAILED && count > 0 ? "warn" : "",
                        "test records that ended " + outcome.label());
            }
        }
        card(
                html,
                records.runs == 1 ? "test JVM run" : "test JVM runs",
                records.runs,
                "",
                "record files read: one per test JVM (each Surefire or Failsafe fork) and profile run");
        card(
                html,
                records.e2eClassNames.size() == 1 ? "E2E class" : "E2E classes",
                records.e2eClassNames.size(),
                "",
                "E2E test classes; each ran " + records.e2eRuns + (records.e2eRuns == 1 ? " time" : " times")
                        + " in all (a class run under three profiles is one class with three runs)");
        DeployedFlags deployed = records.deployed;
        if (deployed != null) {
            card(
                    html,
                    "deployments",
                    deployed.columns.size(),
                    "",
                    "deployed configuration profiles the inventory read");
            long failed =
                    deployed.sources.stream().filter(s -> s.error() != null).count();
            card(html, "sources failed", failed, failed > 0 ? "warn" : "", "inventory sources that could not be read");
        }
        html.append("</div>\n</header>\n<main>\n");
        if (deployed != null) {
            InventorySection.render(html, deployed);
        }
        html.append("<section>\n<h2>All flags</h2>\n")
                .append(
                        "<div class=\"filters\"><input id=\"filter\" type=\"search\" placeholder=\"Filter flags, sites, signals\" ")
                .append(
                        "aria-label=\"Filter\"> <label><input id=\"candidates\" type=\"checkbox\"> retirement candidates only</label></div>\n")
                .append("<table id=\"flags\" class=\"sortable\">\n<thead><tr><th data-type=\"text\">Flag</th>")
                .append("<th data-type=\"text\">Default</th>");
        for (String profile : profiles) {
            html.append("<th data-type=\"text\">").append(esc(profile)).append("</th>");
        }
        if (deployed != null) {
            for (DeployedFlags.Column column : deployed.columns) {
                html.append("<th data-type=\"text\" class=\"deployed\" title=\"")
                        .append(esc(column.detail()))
                        .append("\">")
                        .append(esc(column.label()))
                        .append("</th>");
            }
        }
        html.append(
                        "<th data-type=\"number\">Reads</th><th data-type=\"number\">Sites</th><th data-type=\"number\">Tests</th>")
                .append("<th data-type=\"text\">States tested</th><th data-type=\"text\">Signals</th>"
                        + "<th data-type=\"text\">Outcomes</th></tr></thead>\n<tbody>\n");
        for (FlagReport.Entry entry : report.entries()) {
            row(html, entry, profiles, deployed);
        }
        html.append("</tbody>\n</table>\n</section>\n<section>\n<h2>Coverage grid</h2>\n")
                .append("<p class=\"meta\">Each cell: did a test of that kind of suite read the flag in that state "
                        + "(or have it served in a whole document). An E2E function reads its flags in its own JVM: "
                        + "&#9675; marks a state E2E runs had, reads not visible.</p>\n")
                .append("<table id=\"grid\" class=\"grid\">\n<thead><tr><th rowspan=\"2\">Flag</th>");
        for (String suite : SUITES) {
            html.append("<th colspan=\"2\">").append(suite).append("</th>");
        }
        html.append("</tr><tr>");
        for (int i = 0; i < SUITES.size(); i++) {
            html.append("<th>OFF</th><th>ON</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        boolean variantFlags = false;
        for (FlagReport.Entry entry : report.entries()) {
            if (entry.facts().variants.isEmpty()) {
                grid(html, entry.facts());
            } else {
                variantFlags = true;
            }
        }
        if (variantFlags) {
            html.append("</tbody>\n</table>\n<h3>Multi-variant flags</h3>\n")
                    .append("<table id=\"variant-grid\" class=\"grid\">\n<thead><tr><th>Flag</th>");
            for (String suite : SUITES) {
                html.append("<th>").append(suite).append(": variants tested</th>");
            }
            html.append("</tr></thead>\n<tbody>\n");
            for (FlagReport.Entry entry : report.entries()) {
                if (!entry.facts().variants.isEmpty()) {
                    variantRow(html, entry.facts());
                }
            }
        }
        html.append("</tbody>\n</table>\n</section>\n<section>\n<h2>Details</h2>\n");
        for (FlagReport.Entry entry : report.entries()) {
            details(html, entry);
        }
        html.append("</section>\n</main>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void card(StringBuilder html, String label, long value, String kind, String title) {
        html.append("<div class=\"card ")
                .append(kind)
                .append("\" title=\"")
                .append(esc(title))
                .append("\"><span class=\"value\">")
                .append(value)
                .append("</span><span class=\"label\">")
                .append(esc(label))
                .append("</span></div>\n");
    }

    private static void row(StringBuilder html, FlagReport.Entry entry, List<String> profiles, DeployedFlags deployed) {
        FlagFacts f = entry.facts();
        html.append("<tr data-candidate=\"")
                .append(entry.candidate())
                .append("\"><td><a href=\"#flag-")
                .append(esc(anchor(f.name)))
                .append("\">")
                .append(esc(f.name))
                .append("</a></td><td>")
                .append(value(f.defaultValue))
                .append(attributes(f.defaultAttributes))
                .append("</td>");
        for (String profile : profiles) {
            html.append("<td>")
                    .append(value(f.profileValues.get(profile)))
                    .append(attributes(f.profileAttributes.get(profile)))
                    .append("</td>");
        }
        if (deployed != null) {
            java.util.Map<Integer, DeployedFlags.Value> values = deployed.flags.getOrDefault(f.name, Map.of());
            for (int i = 0; i < deployed.columns.size(); i++) {
                html.append("<td>").append(InventorySection.cell(values.get(i))).append("</td>");
            }
        }
        html.append("<td>")
                .append(f.reads)
                .append("</td><td>")
                .append(f.sites.size())
                .append("</td><td>")
                .append(f.tests)
                .append("</td><td>");
        for (String tested : f.valuesTested()) {
            html.append(value(tested)).append(' ');
        }
        html.append("</td><td>");
        for (Signal signal : entry.signals()) {
            html.append("<span class=\"signal ")
                    .append(signal.code().retirement() ? "retire" : "hygiene")
                    .append("\" title=\"")
                    .append(esc(signal.evidence()))
                    .append("\">")
                    .append(esc(signal.code().label()))
                    .append("</span> ");
        }
        html.append("</td><td>").append(outcomes(f.outcomes)).append("</td></tr>\n");
    }

    /** {@code 12 passed, 1 failed}: the tests that had the flag, each once, by how they ended. */
    static String outcomes(Map<Outcome, Long> outcomes) {
        StringBuilder text = new StringBuilder();
        outcomes.forEach((outcome, count) -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            if (outcome == Outcome.PASSED) { // the rule: only the others stand out
                text.append(count).append(' ').append(outcome.label());
                return;
            }
            text.append("<span class=\"outcome ")
                    .append(outcome.css())
                    .append("\">")
                    .append(count)
                    .append(' ')
                    .append(outcome.label())
                    .append("</span>");
        });
        return text.toString();
    }

    private static void grid(StringBuilder html, FlagFacts f) {
        html.append("<tr><th scope=\"row\">").append(esc(f.name)).append("</th>");
        for (String suite : SUITES) {
            Set<String> values = tested(f, suite);
            boolean e2e = suite.equals("e2e");
            boolean off = values.contains("OFF");
            boolean on = values.stream().anyMatch(v -> !v.equals("OFF"));
            html.append(cell(off, e2e && f.ranInE2e.contains("OFF")))
                    .append(cell(on, e2e && f.ranInE2e.stream().anyMatch(v -> !v.equals("OFF"))));
        }
        html.append("</tr>\n");
    }

    private static Set<String> tested(FlagFacts f, String suite) {
        Set<String> values = new TreeSet<>();
        f.coverage.getOrDefault(suite, Map.of()).values().forEach(values::addAll);
        return values;
    }

    private static void variantRow(StringBuilder html, FlagFacts f) {
        html.append("<tr><th scope=\"row\">").append(esc(f.name)).append("</th>");
        for (String suite : SUITES) {
            variantCell(html, f.variants, tested(f, suite), suite.equals("e2e") ? f.ranInE2e : Set.of());
        }
        html.append("</tr>\n");
    }

    /** A multi-variant flag in one suite: each variant (the catalog's, then others tested) tested or not. */
    private static void variantCell(StringBuilder html, List<String> catalog, Set<String> tested, Set<String> ran) {
        html.append("<td class=\"variants\">");
        Set<String> variants = new java.util.LinkedHashSet<>(catalog);
        variants.addAll(tested); // a profile's own variants, or the flag pinned OFF
        for (String variant : variants) {
            boolean covered = tested.contains(variant);
            boolean ranOnly = !covered && ran.contains(variant);
            html.append("<span class=\"")
                    .append(covered ? "yes" : ranOnly ? "ran" : "no")
                    .append("\" title=\"")
                    .append(covered ? "tested" : ranOnly ? RAN : "not tested")
                    .append("\">")
                    .append(covered ? "&#10003; " : ranOnly ? "&#9675; " : "&#10007; ")
                    .append(esc(variant))
                    .append("</span> ");
        }
        html.append("</td>");
    }

    private static final String RAN = "ran in E2E with this state; the function's reads are not visible to flagtest";

    private static String cell(boolean covered, boolean ran) {
        return covered
                ? "<td class=\"yes\" title=\"tested\">&#10003;</td>"
                : ran
                        ? "<td class=\"ran\" title=\"" + RAN + "\">&#9675;</td>"
                        : "<td class=\"no\" title=\"not tested\"></td>";
    }

    private static void details(StringBuilder html, FlagReport.Entry entry) {
        FlagFacts f = entry.facts();
        html.append("<article class=\"flag\" id=\"flag-")
                .append(esc(anchor(f.name)))
                .append("\">\n<h3>")
                .append(esc(f.name))
                .append("</h3>\n");
        if (!f.description.isEmpty()) {
            html.append("<p>").append(esc(f.description)).append("</p>\n");
        }
        html.append("<dl>\n<dt>Catalog</dt><dd>")
                .append(f.inCatalog ? "default " + value(f.defaultValue) : "not in the catalog")
                .append(f.createdAt
                        .map(c -> ", created " + esc(c.toString().substring(0, 10)))
                        .orElse(""))
                .append("</dd>\n<dt>Read at</dt><dd>");
        if (f.sites.isEmpty() && f.served.isEmpty() && f.servedWhole.isEmpty()) {
            html.append("never read by code under test");
        } else {
            html.append("<ul>");
            f.sites.forEach((site, count) -> html.append("<li><code>")
                    .append(esc(site))
                    .append("</code> &times; ")
                    .append(count)
                    .append("</li>"));
            f.served.forEach((source, count) -> html.append("<li>read by name from <code>")
                    .append(esc(source))
                    .append("</code> &times; ")
                    .append(count)
                    .append("</li>"));
            f.servedWhole.forEach((source, count) -> html.append("<li>served whole by <code>")
                    .append(esc(source))
                    .append("</code> &times; ")
                    .append(count)
                    .append(" (reads not visible)</li>"));
            html.append("</ul>");
        }
        if (!f.variants.isEmpty() || !f.variantsServed.isEmpty()) {
            html.append("</dd>\n<dt>Variants served</dt><dd>");
            html.append(
                    f.variantsServed.isEmpty()
                            ? "none"
                            : f.variantsServed.entrySet().stream()
                                    .map(e -> esc(e.getKey()) + " &times; " + e.getValue())
                                    .collect(java.util.stream.Collectors.joining(", ")));
            if (!f.variantsNeverServed().isEmpty()) {
                html.append("; never served: ").append(esc(String.join(", ", f.variantsNeverServed())));
            }
        }
        html.append("</dd>\n<dt>States tested</dt><dd>");
        if (f.coverage.isEmpty()) {
            html.append("none");
        }
        f.coverage.forEach((suite, byProfile) -> byProfile.forEach((profile, values) -> html.append(esc(suite))
                .append(" / ")
                .append(esc(profile))
                .append(": ")
                .append(esc(String.join(", ", values)))
                .append("<br>")));
        html.append("</dd>\n<dt>Entry points</dt><dd>");
        if (f.entryPoints.isEmpty()) {
            html.append("none registered");
        } else {
            html.append("<ul>");
            f.entryPoints.forEach((declaredAt, calls) -> html.append("<li>")
                    .append(esc(declaredAt))
                    .append(": ")
                    .append(calls.on)
                    .append(" call")
                    .append(calls.on == 1 ? "" : "s")
                    .append(" while ON, ")
                    .append(calls.off)
                    .append(" while OFF</li>"));
            html.append("</ul>");
        }
        html.append("</dd>\n<dt>Tests</dt><dd>").append(f.tests);
        if (!f.outcomes.isEmpty()) {
            html.append(" (").append(outcomes(f.outcomes)).append(')');
        }
        List<Map.Entry<String, Map<String, FlagFacts.TestGroup>>> listed = f.listedClasses();
        listed.forEach(listedClass -> {
            String testClass = listedClass.getKey();
            Map<String, FlagFacts.TestGroup> byState = listedClass.getValue();
            long count = FlagFacts.tests(byState);
            html.append("<details><summary>")
                    .append(esc(testClass))
                    .append(" (")
                    .append(count)
                    .append(")</summary><ul>");
            byState.forEach((state, group) -> {
                html.append("<li>")
                        .append(value(state))
                        .append(" \u00d7 ")
                        .append(group.count)
                        .append(": ");
                // consecutive names with one outcome share a span: the outcome once, not per name
                Outcome open = null;
                for (Map.Entry<String, Outcome> test : group.names.entrySet()) {
                    if (test.getValue() != open) {
                        if (open != null) {
                            html.append("</span>, ");
                        }
                        open = test.getValue();
                        html.append("<span class=\"test ").append(open.css());
                        if (open != Outcome.PASSED) { // passed is the rule: its mark says it
                            html.append("\" title=\"").append(open.label());
                        }
                        html.append("\">");
                    } else {
                        html.append(", ");
                    }
                    html.append(esc(test.getKey()));
                }
                if (open != null) {
                    html.append("</span>");
                }
                html.append(group.more ? (group.names.isEmpty() ? "\u2026" : ", \u2026") : "")
                        .append("</li>");
            });
            html.append("</ul></details>");
        });
        if (f.testsByClass.size() > listed.size()) {
            long others =
                    f.testsByClass.values().stream().mapToLong(FlagFacts::tests).sum()
                            - listed.stream()
                                    .mapToLong(e -> FlagFacts.tests(e.getValue()))
                                    .sum();
            html.append("<p class=\"muted\">and ")
                    .append(f.testsByClass.size() - listed.size())
                    .append(" more classes (")
                    .append(others)
                    .append(" tests)</p>");
        }
        html.append("</dd>\n<dt>Signals</dt><dd>");
        if (entry.signals().isEmpty()) {
            html.append("none");
        } else {
            html.append("<ul>");
            entry.signals()
                    .forEach(s -> html.append("<li><span class=\"signal ")
                            .append(s.code().retirement() ? "retire" : "hygiene")
                            .append("\">")
                            .append(esc(s.code().label()))
                            .append("</span> ")
                            .append(esc(s.evidence()))
                            .append("</li>"));
            html.append("</ul>");
        }
        html.append("</dd>\n</dl>\n</article>\n");
    }

    /** A flag's attribute values under its value, or nothing. */
    static String attributes(String attributes) {
        return attributes == null || attributes.isEmpty()
                ? ""
                : "<br><span class=\"muted attributes\">" + esc(attributes) + "</span>";
    }

    private static final String NONE = "<span class=\"muted\">\u2013</span>";
    private static final String ON = "<span class=\"state on\">ON</span>";
    private static final String OFF = "<span class=\"state off\">OFF</span>";

    static String value(String value) {
        if (value == null) {
            return NONE;
        }
        return switch (value) { // a page has thousands of these: the common two are constants
            case "ON" -> ON;
            case "OFF" -> OFF;
            default -> "<span class=\"state variant\">" + esc(value) + "</span>";
        };
    }

    /** The flag's name as an element id: anything but letters, digits, '_' and '-' becomes '_'. */
    static String anchor(String flag) {
        char[] id = flag.toCharArray();
        for (int i = 0; i < id.length; i++) {
            char c = id[i];
            boolean kept =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!kept) {
                id[i] = '_';
            }
        }
        return new String(id);
    }

    static String esc(String text) {
        int first = 0;
        while (first < text.length() && !special(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text; // most texts need no escaping: no copy
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (char c : text.substring(first).toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean special(char c) {
        return c == '<' || c == '>' || c == '&' || c == '"' || c == '\'';
    }

    private static final String CSS = """
            :root { --bg:#ffffff; --fg:#1d2330; --muted:#6b7280; --line:#e5e7eb; --card:#f6f7f9; --accent:#2563eb;
                    --on:#15803d; --on-bg:#dcfce7; --off:#6b7280; --off-bg:#eef0f3; --var:#7c3aed; --var-bg:#ede9fe;
                    --warn:#b45309; --warn-bg:#fef3c7; --retire:#b91c1c; --retire-bg:#fee2e2; }
            @media (prefers-color-scheme: dark) {
              :root { --bg:#0f1419; --fg:#e5e7eb; --muted:#9ca3af; --line:#2a313c; --card:#171d25; --accent:#60a5fa;
                      --on:#4ade80; --on-bg:#14361f; --off:#9ca3af; --off-bg:#222933; --var:#c4b5fd; --var-bg:#2e2450;
                      --warn:#fbbf24; --warn-bg:#3a2c0b; --retire:#fca5a5; --retire-bg:#3b1414; } }
            * { box-sizing: border-box; }
            body { margin:0; font:14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background:var(--bg); color:var(--fg); }
            header, main { max-width:1200px; margin:0 auto; padding:16px 24px; }
            h1 { margin:8px 0 0; font-size:24px; } h2 { font-size:18px; margin:28px 0 10px; } h3 { margin:0 0 6px; font-size:16px; }
            .meta, .muted { color:var(--muted); }
            .cards { display:flex; flex-wrap:wrap; gap:12px; margin-top:12px; }
            .card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:10px 16px; min-width:130px; }
            .card .value { display:block; font-size:24px; font-weight:600; } .card .label { color:var(--muted); }
            .card.warn .value { color:var(--retire); }
            .filters { display:flex; gap:16px; align-items:center; margin-bottom:10px; }
            input[type=search] { padding:6px 10px; width:320px; border:1px solid var(--line); border-radius:6px; background:var(--bg); color:var(--fg); }
            table { border-collapse:collapse; width:100%; }
            th, td { border-bottom:1px solid var(--line); padding:6px 8px; text-align:left; vertical-align:top; }
            th { font-weight:600; background:var(--card); white-space:nowrap; }
            #flags td:first-child { white-space:nowrap; }
            table.sortable th { cursor:pointer; user-select:none; } table.sortable th:after { content:" \\2195"; color:var(--muted); }
            a { color:var(--accent); text-decoration:none; } a:hover { text-decoration:underline; }
            .state { display:inline-block; padding:0 6px; border-radius:4px; font-size:12px; font-weight:600; }
            .state.on { color:var(--on); background:var(--on-bg); } .state.off { color:var(--off); background:var(--off-bg); }
            .state.variant { color:var(--var); background:var(--var-bg); }
            .signal { display:inline-block; padding:0 6px; border-radius:10px; font-size:12px; margin:1px 0; }
            .signal.retire { color:var(--retire); background:var(--retire-bg); } .signal.hygiene { color:var(--warn); background:var(--warn-bg); }
            table.grid { width:auto; } table.grid td { width:44px; text-align:center; } table.grid td.variants { width:auto; text-align:left; white-space:nowrap; } td.variants span.no { color:var(--muted); }
            td.yes { background:var(--on-bg); color:var(--on); } td.no { background:var(--off-bg); } td.ran, span.ran { color:var(--muted); }
            .outcome.failed, span.test.failed { color:var(--retire); } .outcome.expected-miss, span.test.expected-miss { color:var(--warn); }
            span.test:before { font-size:11px; } span.test.passed:before { content:"\\2713\\00a0"; color:var(--on); }
            span.test.failed:before { content:"\\2717\\00a0"; } span.test.skipped:before { content:"\\2298\\00a0"; color:var(--muted); }
            span.test.expected-miss:before { content:"!\\00a0"; }
            article.flag { border:1px solid var(--line); border-radius:8px; padding:12px 16px; margin:10px 0; background:var(--card); }
            article.flag:target { outline:2px solid var(--accent); }
            th.deployed { color:var(--accent); } .since { font-size:12px; color:var(--muted); } tr.failed td { color:var(--retire); }
            dl { display:grid; grid-template-columns:140px 1fr; gap:4px 12px; margin:0; } dt { color:var(--muted); } dd { margin:0; }
            ul { margin:0; padding-left:18px; } code { font-size:12px; }
            """;

    private static final String SCRIPT = """
            (function () {
              var table = document.getElementById('flags');
              var filter = document.getElementById('filter');
              var candidates = document.getElementById('candidates');
              function apply() {
                var q = filter.value.toLowerCase();
                Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
                  var text = row.textContent.toLowerCase() + ' ' + Array.prototype.map.call(
                      row.querySelectorAll('[title]'), function (e) { return e.title.toLowerCase(); }).join(' ');
                  var show = text.indexOf(q) >= 0 && (!candidates.checked || row.dataset.candidate === 'true');
                  row.style.display = show ? '' : 'none';
                });
              }
              filter.addEventListener('input', apply);
              candidates.addEventListener('change', apply);
              Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
                th.addEventListener('click', function () {
                  var asc = th.dataset.dir !== 'asc';
                  th.dataset.dir = asc ? 'asc' : 'desc';
                  var numeric = th.dataset.type === 'number';
                  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
                  rows.sort(function (a, b) {
                    var x = a.cells[index].textContent.trim(), y = b.cells[index].textContent.trim();
                    var c = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
                    return asc ? c : -c;
                  });
                  rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
                });
              });
            })();
            """;
}
