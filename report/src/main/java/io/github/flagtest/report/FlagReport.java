package io.github.flagtest.report;

import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import io.github.flagtest.shaded.jackson.databind.node.ArrayNode;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every flag in one view: where it is read, which states were tested, its value per profile, and
 * the signals that it may be ready to retire. Written as {@code flags.json} and a self-contained
 * {@code index.html}.
 *
 * <pre>{@code
 * FlagReport report = FlagReport.of(RunRecords.read(List.of(Path.of("target/flagtest"))));
 * Path page = report.write(Path.of("target/flagtest"));
 * System.out.println(report.summaryLine(page));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FlagReport {

    /** A flag older than this (from {@code _createdAt}) gets the {@link Signal.Code#OLD} signal. */
    public static final Duration OLD_AFTER = Duration.ofDays(90);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunRecords records;
    private final Instant generatedAt;
    private final List<Entry> entries = new ArrayList<>();

    /** One flag with its signals. */
    record Entry(FlagFacts facts, List<Signal> signals) {
        boolean candidate() {
            return signals.stream().anyMatch(s -> s.code().retirement());
        }
    }

    private FlagReport(RunRecords records, Instant generatedAt) {
        this.records = records;
        this.generatedAt = generatedAt;
        for (FlagFacts facts : records.flags.values().stream()
                .sorted(java.util.Comparator.comparing((FlagFacts f) -> f.name))
                .toList()) {
            entries.add(new Entry(facts, signals(facts)));
        }
    }

    /**
     * The report of {@code records}, as of now.
     *
     * @param records the run records
     * @return the report
     */
    public static FlagReport of(RunRecords records) {
        return of(records, Clock.systemUTC());
    }

    /**
     * The report of {@code records}, as of {@code clock}'s now (for ages).
     *
     * @param records the run records
     * @param clock the clock that gives "now"
     * @return the report
     */
    public static FlagReport of(RunRecords records, Clock clock) {
        return new FlagReport(records, clock.instant());
    }

    /**
     * How many flags the report shows.
     *
     * @return the number of flags
     */
    public int flags() {
        return entries.size();
    }

    /**
     * How many flags have a retirement signal (ON everywhere, never read, deprecated).
     *
     * @return the number of retirement candidates
     */
    public int retirementCandidates() {
        return (int) entries.stream().filter(Entry::candidate).count();
    }

    /**
     * The signals of {@code flag}; empty if the report does not know it.
     *
     * @param flag the flag name
     * @return the flag's signals
     */
    public List<Signal> signals(String flag) {
        return entries.stream()
                .filter(e -> e.facts().name.equals(flag))
                .findFirst()
                .map(Entry::signals)
                .orElse(List.of());
    }

    /**
     * {@code flagtest report: target/flagtest/index.html (N flags, M retirement candidates)}.
     *
     * @param page the written {@code index.html}
     * @return the summary line
     */
    public String summaryLine(Path page) {
        return "flagtest report: " + page + " (" + counted(flags(), "flag") + ", "
                + counted(retirementCandidates(), "retirement candidate") + ")";
    }

    private static String counted(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /**
     * Writes {@code flags.json} and {@code index.html} into {@code dir}; returns the page.
     *
     * @param dir the output directory
     * @return the written {@code index.html}
     */
    public Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            // flags.json on a thread of its own while the page renders: both only read the report
            java.util.concurrent.FutureTask<Path> json = new java.util.concurrent.FutureTask<>(() -> Files.writeString(
                    dir.resolve("flags.json"),
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json())));
            Thread writer = new Thread(json, "flagtest-report-json");
            writer.setDaemon(true);
            writer.start();
            Path page = dir.resolve("index.html");
            Files.writeString(page, HtmlPage.render(this), StandardCharsets.UTF_8);
            json.get();
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the flag report to " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the flag report to " + dir, e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException("Cannot write the flag report to " + dir + ": " + io.getMessage(), io);
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    List<Entry> entries() {
        return entries;
    }

    RunRecords records() {
        return records;
    }

    Instant generatedAt() {
        return generatedAt;
    }

    private List<Signal> signals(FlagFacts facts) {
        List<Signal> signals = new ArrayList<>();
        Map<String, String> values = facts.profileValues;
        // one profile says nothing about the others
        if (values.size() >= 2 && values.values().stream().allMatch("ON"::equals)) {
            signals.add(new Signal(
                    Signal.Code.ON_EVERYWHERE,
                    "ON in " + String.join(", ", values.keySet()) + ": remove the flag and its OFF branch"));
        }
        // an E2E function reads its flags in its own JVM, where flagtest does not count reads
        // and only tests that passed or read something can show a flag is never read;
        // a flag served in a whole document may have been read there, unseen
        long conclusive = facts.declaredInTests ? facts.conclusiveTests : records.conclusiveTests;
        boolean declared = facts.inCatalog || facts.declaredInTests || !facts.profileValues.isEmpty();
        if (declared && facts.reads == 0 && conclusive > 0 && facts.ranInE2e.isEmpty() && facts.servedWhole.isEmpty()) {
            String where = facts.inCatalog ? "in the catalog" : facts.declaredInTests ? "by tests" : "in a profile";
            signals.add(new Signal(
                    Signal.Code.NEVER_READ,
                    "declared " + where + " but read 0 times in " + conclusive + " tests that ran"));
        }
        if (records.deployed != null) {
            DeploymentSignals.add(facts, records, records.deployed, generatedAt, signals);
        }
        if (facts.deprecated) {
            signals.add(new Signal(
                    Signal.Code.DEPRECATED, "marked _deprecation in " + String.join(", ", records.catalogs)));
        }
        facts.createdAt.ifPresent(created -> {
            long days = Duration.between(created, generatedAt).toDays();
            if (days > OLD_AFTER.toDays()) {
                signals.add(new Signal(
                        Signal.Code.OLD,
                        "created " + created.toString().substring(0, 10) + " (" + days + " days ago)"));
            }
        });
        if (!records.catalogs.isEmpty() && !facts.inCatalog && facts.reads > 0) {
            signals.add(new Signal(
                    Signal.Code.NOT_IN_CATALOG,
                    "read at "
                            + (facts.sites.isEmpty() ? facts.served : facts.sites)
                                    .keySet()
                                    .iterator()
                                    .next()
                            + " but missing from "
                            + String.join(", ", records.catalogs)));
        }
        Set<String> tested = facts.valuesTested();
        if (facts.reads > 0 && tested.size() == 1) {
            signals.add(new Signal(
                    Signal.Code.ONE_STATE_ONLY,
                    "tested only with " + tested.iterator().next()));
        }
        if (facts.sites.size() > 1) {
            signals.add(new Signal(
                    Signal.Code.MULTIPLE_SITES,
                    "read at " + facts.sites.size() + " sites: " + String.join(", ", facts.sites.keySet())));
        }
        return signals;
    }

    private static void outcomes(ObjectNode node, Map<Outcome, Long> counts) {
        counts.forEach((outcome, count) -> node.put(outcome.name(), count));
    }

    private ObjectNode json() {
        ObjectNode root = JSON.createObjectNode().put("generatedAt", generatedAt.toString());
        ObjectNode summary = root.putObject("summary");
        summary.put("flags", flags())
                .put("retirementCandidates", retirementCandidates())
                .put(
                        "signals",
                        entries.stream().mapToInt(e -> e.signals().size()).sum())
                .put("tests", records.tests)
                .put("runs", records.runs)
                .put("e2eClasses", records.e2eClassNames.size())
                .put("e2eRuns", records.e2eRuns);
        outcomes(summary.putObject("outcomes"), records.outcomes);
        ArrayNode profiles = root.putArray("profiles");
        records.profiles.forEach(profiles::add);
        DeployedFlags deployed = records.deployed;
        if (deployed != null) {
            ObjectNode inventory = root.putObject("inventory")
                    .put("readAt", deployed.readAt.toString())
                    .put("retireAfterDays", deployed.retireAfterDays);
            ArrayNode sources = inventory.putArray("sources");
            deployed.sources.forEach(s -> sources.addObject()
                    .put("name", s.name())
                    .put("account", s.account())
                    .put("region", s.region())
                    .put("error", s.error()));
            ArrayNode columns = inventory.putArray("columns");
            deployed.columns.forEach(c -> columns.addObject()
                    .put("source", c.source())
                    .put("account", c.account())
                    .put("application", c.application())
                    .put("environment", c.environment())
                    .put("profile", c.profile())
                    .put("version", c.version())
                    .put("deployedAt", c.deployedAt().toString()));
        }
        ArrayNode flags = root.putArray("flags");
        for (Entry entry : entries) {
            FlagFacts f = entry.facts();
            ObjectNode node = flags.addObject()
                    .put("name", f.name)
                    .put("description", f.description)
                    .put("default", f.defaultValue)
                    .put("inCatalog", f.inCatalog)
                    .put("deprecated", f.deprecated)
                    .put("createdAt", f.createdAt.map(Instant::toString).orElse(null))
                    .put("reads", f.reads)
                    .put("tests", f.tests)
                    .put("retirementCandidate", entry.candidate());
            ObjectNode profileValues = node.putObject("profileValues");
            f.profileValues.forEach(profileValues::put);
            if (deployed != null) {
                ArrayNode deployedNode = node.putArray("deployed");
                deployed.flags.getOrDefault(f.name, Map.of()).forEach((index, value) -> {
                    ObjectNode d = deployedNode
                            .addObject()
                            .put("column", index) // inventory.columns[index]
                            .put("value", value.shown())
                            .put("attributes", value.attributes())
                            .put(
                                    "since",
                                    value.since() == null ? null : value.since().toString());
                    ArrayNode variants = d.putArray("variants");
                    value.variants().forEach(variants::add);
                });
            }
            ArrayNode sites = node.putArray("sites");
            f.sites.forEach((site, count) -> sites.addObject().put("site", site).put("reads", count));
            ArrayNode served = node.putArray("servedBy");
            f.served.forEach(
                    (source, count) -> served.addObject().put("source", source).put("reads", count));
            if (!f.variants.isEmpty() || !f.variantsServed.isEmpty()) {
                ObjectNode variants = node.putObject("variantsServed");
                f.variantsServed.forEach(variants::put);
                ArrayNode never = node.putArray("variantsNeverServed");
                f.variantsNeverServed().forEach(never::add);
            }
            ArrayNode servedWhole = node.putArray("servedWhole");
            f.servedWhole.forEach((source, count) ->
                    servedWhole.addObject().put("source", source).put("serves", count));
            outcomes(node.putObject("outcomes"), f.outcomes);
            ArrayNode ranInE2e = node.putArray("ranInE2e"); // states, reads not visible
            f.ranInE2e.forEach(ranInE2e::add);
            ObjectNode coverage = node.putObject("coverage");
            f.coverage.forEach((suite, byProfile) -> {
                ObjectNode suiteNode = coverage.putObject(suite);
                byProfile.forEach((profile, values) -> {
                    ArrayNode list = suiteNode.putArray(profile);
                    values.forEach(list::add);
                });
            });
            ArrayNode entryPoints = node.putArray("entryPoints");
            f.entryPoints.forEach((declaredAt, calls) -> entryPoints
                    .addObject()
                    .put("declaredAt", declaredAt)
                    .put("kind", calls.kind)
                    .put("callsOn", calls.on)
                    .put("callsOff", calls.off));
            ObjectNode testsByClass = node.putObject("testsByClass"); // the largest classes; others counted
            List<Map.Entry<String, Map<String, FlagFacts.TestGroup>>> listed = f.listedClasses();
            node.put("testClasses", f.testsByClass.size());
            listed.forEach(listedClass -> {
                String testClass = listedClass.getKey();
                Map<String, FlagFacts.TestGroup> byState = listedClass.getValue();
                ObjectNode classNode = testsByClass.putObject(testClass);
                byState.forEach((state, group) -> {
                    ObjectNode stateNode = classNode.putObject(state).put("count", group.count);
                    ArrayNode names = stateNode.putArray("tests");
                    group.names.forEach((test, outcome) ->
                            names.addObject().put("name", test).put("outcome", outcome.name()));
                });
            });
            ArrayNode signalNodes = node.putArray("signals");
            entry.signals()
                    .forEach(s -> signalNodes
                            .addObject()
                            .put("code", s.code().name())
                            .put("retirement", s.code().retirement())
                            .put("evidence", s.evidence()));
        }
        return root;
    }
}
