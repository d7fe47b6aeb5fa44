package io.github.flagtest.report;

import io.github.flagtest.shaded.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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

    /** Retirement signals and hygiene warnings over all flags. */
    int signalCount() {
        int signals = 0; // a loop, not a stream: the page calls it too, in a fresh JVM
        for (Entry entry : entries) {
            signals += entry.signals().size();
        }
        return signals;
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
            java.util.concurrent.FutureTask<Path> json = new java.util.concurrent.FutureTask<>(() -> {
                Path file = dir.resolve("flags.json");
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    writeJson(out);
                }
                return file;
            });
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

    /** {@code flags.json}: the report's data for scripts, written as it goes (no tree of 10,000 tests' worth). */
    void writeJson(Writer out) throws IOException {
        try (JsonGenerator json = Json.FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField("generatedAt", generatedAt.toString());
            json.writeObjectFieldStart("summary");
            json.writeNumberField("flags", flags());
            json.writeNumberField("retirementCandidates", retirementCandidates());
            json.writeNumberField("signals", signalCount());
            json.writeNumberField("tests", records.tests);
            json.writeNumberField("runs", records.runs);
            json.writeNumberField("e2eClasses", records.e2eClassNames.size());
            json.writeNumberField("e2eRuns", records.e2eRuns);
            counts(json, "outcomes", records.outcomes);
            json.writeEndObject();
            strings(json, "profiles", records.profiles);
            DeployedFlags deployed = records.deployed;
            if (deployed != null) {
                inventory(json, deployed);
            }
            json.writeArrayFieldStart("flags");
            for (Entry entry : entries) {
                flag(json, entry, deployed);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void inventory(JsonGenerator json, DeployedFlags deployed) throws IOException {
        json.writeObjectFieldStart("inventory");
        json.writeStringField("readAt", deployed.readAt.toString());
        json.writeNumberField("retireAfterDays", deployed.retireAfterDays);
        json.writeArrayFieldStart("sources");
        for (DeployedFlags.Source s : deployed.sources) {
            json.writeStartObject();
            json.writeStringField("name", s.name());
            json.writeStringField("account", s.account());
            json.writeStringField("region", s.region());
            json.writeStringField("error", s.error());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("columns");
        for (DeployedFlags.Column c : deployed.columns) {
            json.writeStartObject();
            json.writeStringField("source", c.source());
            json.writeStringField("account", c.account());
            json.writeStringField("application", c.application());
            json.writeStringField("environment", c.environment());
            json.writeStringField("profile", c.profile());
            json.writeStringField("version", c.version());
            json.writeStringField("deployedAt", c.deployedAt().toString());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void flag(JsonGenerator json, Entry entry, DeployedFlags deployed) throws IOException {
        FlagFacts f = entry.facts();
        json.writeStartObject();
        json.writeStringField("name", f.name);
        json.writeStringField("description", f.description);
        json.writeStringField("default", f.defaultValue);
        json.writeBooleanField("inCatalog", f.inCatalog);
        json.writeBooleanField("deprecated", f.deprecated);
        json.writeStringField("createdAt", f.createdAt.map(Instant::toString).orElse(null));
        json.writeNumberField("reads", f.reads);
        json.writeNumberField("tests", f.tests);
        json.writeBooleanField("retirementCandidate", entry.candidate());
        json.writeObjectFieldStart("profileValues");
        for (Map.Entry<String, String> value : f.profileValues.entrySet()) {
            json.writeStringField(value.getKey(), value.getValue());
        }
        json.writeEndObject();
        if (deployed != null) {
            json.writeArrayFieldStart("deployed");
            for (Map.Entry<Integer, DeployedFlags.Value> cell :
                    deployed.flags.getOrDefault(f.name, Map.of()).entrySet()) {
                DeployedFlags.Value value = cell.getValue();
                json.writeStartObject();
                json.writeNumberField("column", cell.getKey()); // inventory.columns[index]
                json.writeStringField("value", value.shown());
                json.writeStringField("attributes", value.attributes());
                json.writeStringField(
                        "since", value.since() == null ? null : value.since().toString());
                strings(json, "variants", value.variants());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        counted(json, "sites", "site", "reads", f.sites);
        counted(json, "servedBy", "source", "reads", f.served);
        if (!f.variants.isEmpty() || !f.variantsServed.isEmpty()) {
            json.writeObjectFieldStart("variantsServed");
            for (Map.Entry<String, Long> served : f.variantsServed.entrySet()) {
                json.writeNumberField(served.getKey(), served.getValue());
            }
            json.writeEndObject();
            strings(json, "variantsNeverServed", f.variantsNeverServed());
        }
        counted(json, "servedWhole", "source", "serves", f.servedWhole);
        counts(json, "outcomes", f.outcomes);
        strings(json, "ranInE2e", f.ranInE2e); // states, reads not visible
        json.writeObjectFieldStart("coverage");
        for (Map.Entry<String, Map<String, Set<String>>> suite : f.coverage.entrySet()) {
            json.writeObjectFieldStart(suite.getKey());
            for (Map.Entry<String, Set<String>> profile : suite.getValue().entrySet()) {
                strings(json, profile.getKey(), profile.getValue());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeArrayFieldStart("entryPoints");
        for (Map.Entry<String, FlagFacts.EntryPointCalls> entryPoint : f.entryPoints.entrySet()) {
            json.writeStartObject();
            json.writeStringField("declaredAt", entryPoint.getKey());
            json.writeStringField("kind", entryPoint.getValue().kind);
            json.writeNumberField("callsOn", entryPoint.getValue().on);
            json.writeNumberField("callsOff", entryPoint.getValue().off);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("testsByClass"); // the largest classes; others counted
        for (Map.Entry<String, Map<String, FlagFacts.TestGroup>> listed : f.listedClasses()) {
            json.writeObjectFieldStart(listed.getKey());
            for (Map.Entry<String, FlagFacts.TestGroup> state :
                    listed.getValue().entrySet()) {
                json.writeObjectFieldStart(state.getKey());
                json.writeNumberField("count", state.getValue().count);
                json.writeArrayFieldStart("tests");
                for (Map.Entry<String, Outcome> test : state.getValue().names.entrySet()) {
                    json.writeStartObject();
                    json.writeStringField("name", test.getKey());
                    json.writeStringField("outcome", test.getValue().name());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeNumberField("testClasses", f.testsByClass.size());
        json.writeArrayFieldStart("signals");
        for (Signal s : entry.signals()) {
            json.writeStartObject();
            json.writeStringField("code", s.code().name());
            json.writeBooleanField("retirement", s.code().retirement());
            json.writeStringField("evidence", s.evidence());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void counts(JsonGenerator json, String field, Map<Outcome, Long> counts) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<Outcome, Long> count : counts.entrySet()) {
            json.writeNumberField(count.getKey().name(), count.getValue());
        }
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String field, java.util.Collection<String> values)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** {@code [{"<name>": key, "<count>": n}, ...]}. */
    private static void counted(JsonGenerator json, String field, String name, String count, Map<String, Long> counts)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            json.writeStartObject();
            json.writeStringField(name, entry.getKey());
            json.writeNumberField(count, entry.getValue());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
