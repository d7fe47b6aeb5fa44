package io.github.flagtest.report;

import io.github.flagtest.shaded.jackson.core.JsonProcessingException;
import io.github.flagtest.shaded.jackson.databind.JsonNode;
import io.github.flagtest.shaded.jackson.databind.MappingIterator;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, FlagFacts> flags = new TreeMap<>();
    final java.util.Set<String> profiles = new TreeSet<>();
    final java.util.Set<String> catalogs = new TreeSet<>();
    long tests;
    /** Tests that passed or read a flag: only they can show that a flag is never read. */
    long conclusiveTests;

    long runs;
    long e2eClasses;
    /** What AWS AppConfig has deployed, from the newest {@code inventory.json} of the directories; null without one. */
    DeployedFlags deployed;

    private RunRecords() {}

    /**
     * Which builds of a directory to read. Run files whose spans (first to last record) overlap form
     * one build: parallel forks of one run merge, files of an earlier build do not.
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
        for (Path dir : dirs) {
            for (Path file : RunFiles.select(dir, builds)) {
                if (file.getFileName().toString().endsWith(".jsonl")) {
                    records.readRun(file);
                } else {
                    records.readE2e(file);
                }
            }
        }
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

    private void readRun(Path file) {
        runs++;
        String profile = NO_PROFILE;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<JsonNode> lines = JSON.readerFor(JsonNode.class).readValues(in)) {
            while (lines.hasNextValue()) {
                JsonNode record = lines.nextValue();
                if ("run".equals(record.path("kind").asText())) {
                    profile = header(record);
                } else {
                    test(record, profile);
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new IllegalArgumentException(
                    file + ":" + line + ": not a flagtest record: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof JsonProcessingException json) {
                int line = json.getLocation() == null ? -1 : json.getLocation().getLineNr();
                throw new IllegalArgumentException(
                        file + ":" + line + ": not a flagtest record: " + json.getOriginalMessage(), e);
            }
            throw e;
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

    private void test(JsonNode record, String profile) {
        tests++;
        // a test that failed before reading anything (a broken class path, a failed set-up) proves nothing
        boolean conclusive = "SUCCESSFUL".equals(record.path("result").asText())
                || !record.path("evaluations").isEmpty();
        if (conclusive) {
            conclusiveTests++;
        }
        profiles.add(profile);
        String className = record.path("class").asText("?");
        String test = record.path("name").isTextual()
                ? record.path("name").asText()
                : className.substring(className.lastIndexOf('.') + 1) + "." // no regex per record
                        + record.path("displayName").asText("");
        java.util.Set<String> matrixFlags = new TreeSet<>();
        record.path("matrices").forEach(m -> m.path("flags").forEach(f -> matrixFlags.add(f.asText())));
        java.util.Set<String> seen = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = record.path("state").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            FlagFacts facts = facts(entry.getKey());
            facts.declaredInTests = true;
            if (conclusive) {
                facts.conclusiveTests++;
            }
            boolean e2e = record.path("e2e").asBoolean(false);
            String suite = e2e ? "e2e" : matrixFlags.contains(entry.getKey()) ? "matrix" : "unit";
            facts.coveredByE2eTests |= e2e;
            facts.covered(suite, profile, value(entry.getValue()));
            seen.add(entry.getKey());
        }
        for (JsonNode read : record.path("evaluations")) {
            FlagFacts facts = facts(read.path("flag").asText());
            if (!record.path("state").has(facts.name)) {
                facts.covered("unit", profile, value(read.path("value"))); // undeclared: it ran with what it read
            }
            long count = read.path("count").asLong(1);
            facts.reads += count;
            if (read.path("variant").isTextual()) {
                facts.variantsServed.merge(read.path("variant").asText(), count, Long::sum);
            }
            if (read.path("line").asInt(-1) < 0) {
                facts.served.merge(read.path("site").asText(), count, Long::sum);
            } else {
                String site = read.path("class").asText() + "."
                        + read.path("method").asText() + "(" + read.path("site").asText() + ")";
                facts.sites.merge(site, count, Long::sum);
            }
            seen.add(facts.name);
        }
        for (JsonNode serve : record.path("serves")) {
            FlagFacts facts = facts(serve.path("flag").asText());
            String source = serve.path("operation").asText() + " of "
                    + serve.path("source").asText();
            facts.servedWhole.merge(source, serve.path("count").asLong(1), Long::sum);
            seen.add(facts.name);
        }
        for (JsonNode entryPoint : record.path("entryPoints")) {
            FlagFacts.EntryPointCalls calls = facts(entryPoint.path("flag").asText())
                    .entryPoints
                    .computeIfAbsent(
                            entryPoint.path("declaredAt").asText(),
                            at -> new FlagFacts.EntryPointCalls(
                                    entryPoint.path("kind").asText("field")));
            calls.on += entryPoint.path("callsOn").asLong(0);
            calls.off += entryPoint.path("callsOff").asLong(0);
        }
        String simpleClass = className.substring(className.lastIndexOf('.') + 1).replace('$', '.'); // nested
        JsonNode state = record.path("state");
        seen.forEach(flag -> facts(flag).ranIn(simpleClass, value(state.path(flag)), test));
    }

    private void readE2e(Path file) {
        JsonNode summary;
        try {
            summary = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read E2E summary " + file + ": " + e.getMessage(), e);
        }
        e2eClasses++;
        java.util.Set<String> runsWithResults = new TreeSet<>();
        summary.path("results").forEach(r -> runsWithResults.add(r.path("run").asText()));
        for (JsonNode run : summary.path("runs")) {
            if (!runsWithResults.contains(run.path("run").asText())) {
                continue;
            }
            run.path("flags").fields().forEachRemaining(e -> {
                FlagFacts facts = facts(e.getKey());
                if (!facts.coveredByE2eTests) { // the E2E test's own record lists it under its profile
                    facts.covered("e2e", E2E_PROFILE, value(e.getValue()));
                    profiles.add(E2E_PROFILE);
                }
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
            text.append(attribute.getKey()).append('=').append(value.isTextual() ? value.asText() : value.toString());
        });
        return text.toString();
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
