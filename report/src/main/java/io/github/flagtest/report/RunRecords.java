package io.github.flagtest.report;

import io.github.flagtest.shaded.jackson.core.JsonParser;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The records of one or more runs, read from report directories ({@code runs/*.jsonl} written by
 * the JUnit extension, {@code e2e/*.json} written by the E2E harness, {@code inventory.json}
 * written by the inventory of deployed flags) and folded into facts per
 * flag as they are read, so that memory does not grow with the number of tests.
 *
 * <pre>{@code
 * RunRecords records = RunRecords.read(List.of(Path.of("target/flagtest"), Path.of("ci/prod/flagtest")));
 * FlagReport.of(records).write(Path.of("target/flagtest"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RunRecords {

    static final String NO_PROFILE = "(no profile)";
    static final String E2E_PROFILE = "(e2e)";

    final Map<String, FlagFacts> flags = new java.util.HashMap<>(); // sorted by the report
    final java.util.Set<String> profiles = new TreeSet<>();
    final java.util.Set<String> catalogs = new TreeSet<>();
    long tests;
    /** Tests that passed or read a flag: only they can show that a flag is never read. */
    long conclusiveTests;

    /** Scratch space of {@link #test}: flag -> its first state in the test, and its other states. */
    private final Map<String, String> firstStates = new java.util.LinkedHashMap<>();

    private final Map<String, java.util.Set<String>> extraStates = new java.util.HashMap<>();

    /** Scratch space of {@link #test}: the flags a read of which was served a variant. */
    private final java.util.Set<String> variantsRead = new java.util.HashSet<>();

    /** How many tests ended how. */
    final Map<Outcome, Long> outcomes = new java.util.EnumMap<>(Outcome.class);

    /** Run files read: one per test JVM (a Surefire or Failsafe fork) and profile run. */
    long runs;
    /** E2E summaries read: one per E2E class and run (a class run under three profiles: three). */
    long e2eRuns;
    /** The E2E classes those summaries are of. */
    final java.util.Set<String> e2eClassNames = new TreeSet<>();
    /** What AWS AppConfig has deployed, from the newest {@code inventory.json} of the directories; null without one. */
    DeployedFlags deployed;

    private RunRecords() {}

    /**
     * Which builds of a directory to read. The run files of one Maven build (its Surefire and
     * Failsafe JVMs, their forks) form one build; files written outside Maven form one build when
     * their spans (first to last record) overlap. Files of an earlier build never join a later one.
     *
     * @since 0.1.0
     */
    public enum Builds {
        /** Every record file in the directory. */
        ALL,
        /** The newest build only: a fresh run's report without the leftovers of earlier builds. */
        LATEST,
        /** For each profile, the newest build that ran it: several CI profile runs in one directory. */
        LATEST_PER_PROFILE
    }

    /**
     * Reads every record in {@code dirs}.
     *
     * @param dirs the run directories
     * @return the records
     */
    public static RunRecords read(Collection<Path> dirs) {
        return read(dirs, Builds.ALL);
    }

    /**
     * Reads the records of {@code builds} in each of {@code dirs}.
     *
     * @param dirs the run directories
     * @param builds which builds' records to read
     * @return the records
     */
    public static RunRecords read(Collection<Path> dirs, Builds builds) {
        RunRecords records = new RunRecords();
        List<Path> runFiles = new ArrayList<>();
        List<Path> e2eFiles = new ArrayList<>();
        for (Path dir : dirs) {
            for (Path file : RunFiles.select(dir, builds)) {
                (file.getFileName().toString().endsWith(".jsonl") ? runFiles : e2eFiles).add(file);
            }
        }
        records.readRuns(runFiles);
        e2eFiles.forEach(records::readE2e);
        DeployedFlags.read(dirs).ifPresent(deployed -> {
            records.deployed = deployed;
            deployed.flags.keySet().forEach(records::facts); // a flag deployed but unknown here gets its row
        });
        return records;
    }

    /**
     * How many test records were read.
     *
     * @return the number of test records
     */
    public long tests() {
        return tests;
    }

    /** Folds the records of {@code files}, parsed on another thread while the last ones fold. */
    private void readRuns(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        try (RunFileParser parser = new RunFileParser(files)) {
            String profile = NO_PROFILE;
            for (RunFileParser.Batch batch; (batch = parser.next()) != null; ) {
                if (batch.first()) {
                    runs++;
                    profile = NO_PROFILE;
                }
                for (Object record : batch.records()) {
                    if (record instanceof TestLine test) {
                        test(test, profile);
                    } else {
                        profile = header((JsonNode) record);
                    }
                }
                if (batch.failure() != null) {
                    throw batch.failure();
                }
            }
        }
    }

    private String header(JsonNode header) {
        String profile = header.path("profile").isTextual()
                ? profileName(header.path("profile").asText())
                : NO_PROFILE;
        profiles.add(profile);
        String catalog = header.path("catalog").asText(null);
        if (catalog != null) {
            catalogs.add(catalog);
        }
        String currentProfile = profile;
        header.path("profileValues")
                .fields()
                .forEachRemaining(e -> facts(e.getKey()).profileValues.put(currentProfile, value(e.getValue())));
        header.path("profileAttributes")
                .fields()
                .forEachRemaining(
                        e -> facts(e.getKey()).profileAttributes.put(currentProfile, attributes(e.getValue())));
        header.path("catalogFlags").fields().forEachRemaining(e -> {
            FlagFacts facts = facts(e.getKey());
            JsonNode definition = e.getValue();
            facts.inCatalog = true;
            facts.description = definition.path("description").asText("");
            facts.defaultValue = value(definition.path("default"));
            facts.defaultAttributes = definition.has("attributes") ? attributes(definition.get("attributes")) : null;
            facts.deprecated = definition.path("deprecated").asBoolean(false);
            facts.variants.clear();
            definition.path("variants").forEach(variant -> facts.variants.add(variant.asText()));
            if (definition.path("createdAt").isTextual()) {
                try {
                    facts.createdAt = Optional.of(
                            Instant.parse(definition.path("createdAt").asText()));
                } catch (DateTimeParseException ignored) {
                    // the catalog was validated when the run read it
                }
            }
        });
        return profile;
    }

    /**
     * Folds one test into its flags' facts. A test covers a state of a flag only where it read the
     * flag in that state (or had it served in a whole document); it is listed under every state the
     * flag had in it: at the start, as read, at the end. A read of a multi-variant flag counts as the
     * variant it was served, and a test that read one is listed under the variants it was served,
     * not under the on/off of the flag's default variant its record starts with.
     */
    private void test(TestLine record, String profile) {
        tests++;
        Outcome outcome = Outcome.of(record.result);
        outcomes.merge(outcome, 1L, Long::sum);
        // a test that failed before reading anything (a broken class path, a failed set-up) proves nothing
        boolean conclusive = outcome == Outcome.PASSED || !record.reads.isEmpty();
        if (conclusive) {
            conclusiveTests++;
        }
        profiles.add(profile);
        String className = record.className;
        String test = record.name != null
                ? record.name
                : className.substring(className.lastIndexOf('.') + 1) + "." + record.displayName;
        // flag -> the states it had in this test: the first, then any other (a flip, a read of another value)
        Map<String, String> states = firstStates;
        states.clear();
        extraStates.clear();
        variantsRead.clear();
        for (Map.Entry<String, String> entry : record.state.entrySet()) {
            FlagFacts facts = facts(entry.getKey());
            facts.declaredInTests = true;
            if (conclusive) {
                facts.conclusiveTests++;
            }
            if (record.e2e) {
                facts.ranInE2e.add(String.valueOf(entry.getValue()));
            }
            states.put(entry.getKey(), entry.getValue());
        }
        for (TestLine.Read read : record.reads) {
            FlagFacts facts = facts(read.flag);
            String served = read.variant != null ? read.variant : read.value;
            facts.covered(suite(record, read.flag), profile, served);
            if (read.variant != null && variantsRead.add(read.flag)) {
                firstStates.put(read.flag, read.variant); // targeting served it a variant: that is its state
                extraStates.remove(read.flag);
            } else {
                had(read.flag, served);
            }
            facts.reads += read.count;
            if (read.variant != null) {
                facts.variantsServed.merge(read.variant, read.count, Long::sum);
            }
            if (read.line < 0) {
                facts.served.merge(read.site, read.count, Long::sum);
            } else {
                facts.sites.merge(read.className + "." + read.method + "(" + read.site + ")", read.count, Long::sum);
            }
        }
        for (TestLine.Served serve : record.serves) {
            FlagFacts facts = facts(serve.flag);
            facts.servedWhole.merge(serve.operation + " of " + serve.source, serve.count, Long::sum);
            // served, not read: it counts for the states the flag had while documents were served
            String initial = record.state.get(serve.flag);
            String last = record.finalState.getOrDefault(serve.flag, initial);
            for (String value : new String[] {initial, last}) {
                if (value != null) {
                    facts.covered(suite(record, serve.flag), profile, value);
                    had(serve.flag, value);
                }
            }
            if (initial == null && last == null) {
                had(serve.flag, null);
            }
        }
        record.finalState.forEach((flag, value) -> {
            boolean unchanged = java.util.Objects.equals(value, record.state.get(flag));
            if (states.containsKey(flag) && !(unchanged && variantsRead.contains(flag))) {
                had(flag, value); // flipped during the test
            }
        });
        for (TestLine.EntryPoint entryPoint : record.entryPoints) {
            FlagFacts.EntryPointCalls calls = facts(entryPoint.flag)
                    .entryPoints
                    .computeIfAbsent(entryPoint.declaredAt, at -> new FlagFacts.EntryPointCalls(entryPoint.kind));
            calls.on += entryPoint.callsOn;
            calls.off += entryPoint.callsOff;
        }
        String simpleClass = className.substring(className.lastIndexOf('.') + 1).replace('$', '.'); // nested
        states.forEach((flag, first) -> facts(flag).ranIn(simpleClass, first, extraStates.get(flag), test, outcome));
    }

    /** Notes that {@code flag} had {@code value} in the test being folded. */
    private void had(String flag, String value) {
        if (!firstStates.containsKey(flag)) {
            firstStates.put(flag, value);
        } else if (!java.util.Objects.equals(firstStates.get(flag), value)) {
            extraStates
                    .computeIfAbsent(flag, f -> new java.util.LinkedHashSet<>())
                    .add(value);
        }
    }

    private static String suite(TestLine record, String flag) {
        return record.e2e ? "e2e" : record.matrixFlags.contains(flag) ? "matrix" : "unit";
    }

    private void readE2e(Path file) {
        JsonNode summary;
        try {
            summary = Json.tree(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read E2E summary " + file + ": " + e.getMessage(), e);
        }
        e2eRuns++;
        e2eClassNames.add(summary.path("class").asText(file.getFileName().toString()));
        java.util.Set<String> runsWithResults = new TreeSet<>();
        summary.path("results").forEach(r -> runsWithResults.add(r.path("run").asText()));
        for (JsonNode run : summary.path("runs")) {
            if (!runsWithResults.contains(run.path("run").asText())) {
                continue;
            }
            // the function reads its flags in its own JVM: a run shows the state, not that it was read
            run.path("flags").fields().forEachRemaining(e -> {
                facts(e.getKey()).ranInE2e.add(value(e.getValue()));
                profiles.add(E2E_PROFILE);
            });
        }
    }

    FlagFacts facts(String flag) {
        return flags.computeIfAbsent(flag, FlagFacts::new);
    }

    /** {@code classpath:flags/dev.json} -> {@code dev}. */
    static String profileName(String source) {
        String name = source.substring(source.lastIndexOf('/') + 1);
        name = name.substring(name.lastIndexOf(':') + 1);
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    /** Booleans (or "true"/"false") as ON/OFF, variants as themselves. */
    /** Attribute values as {@code maxItems=5, regions=["eu"]}. */
    static String attributes(JsonNode attributes) {
        StringBuilder text = new StringBuilder();
        attributes.fields().forEachRemaining(attribute -> {
            if (text.length() > 0) {
                text.append(", ");
            }
            JsonNode value = attribute.getValue();
            text.append(attribute.getKey()).append('=').append(value.isTextual() ? value.asText() : Json.text(value));
        });
        return text.toString();
    }

    /** As {@link #value(JsonNode)}, for the parser's current value. */
    static String value(JsonParser json) throws IOException {
        return switch (json.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> "ON";
            case VALUE_FALSE -> "OFF";
            case START_OBJECT, START_ARRAY -> value(Json.tree(json));
            default -> {
                String text = json.getText();
                yield text.equals("true") ? "ON" : text.equals("false") ? "OFF" : text;
            }
        };
    }

    static String value(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return switch (text) {
            case "true" -> "ON";
            case "false" -> "OFF";
            default -> text;
        };
    }
}
