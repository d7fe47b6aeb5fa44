package io.github.flagtest.report;

import io.github.flagtest.shaded.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the inventory found deployed ({@code inventory.json} in a report directory, written by
 * {@code flagtest-inventory}): the sources read, one column per deployment (source, application,
 * environment, profile) with each flag's deployed value and since when, and the repository
 * documents mapped to environments for drift. The newest inventory of the directories wins.
 */
final class DeployedFlags {

    static final String FILE_NAME = "inventory.json";
    static final int DEFAULT_RETIRE_AFTER_DAYS = 28;

    record Source(String name, String account, String region, String error) {}

    /** One deployment: a column of the page. */
    record Column(
            String source,
            String account,
            String application,
            String environment,
            String profile,
            String version,
            Instant deployedAt) {

        String label() {
            return source + " / " + environment;
        }

        String detail() {
            return application + "/" + profile + " v" + version + ", deployed " + day(deployedAt);
        }

        /** Account, environment, version and date: a signal's evidence. */
        String evidence() {
            return (account == null ? source : "account " + account + " (" + source + ")") + " " + environment + " "
                    + application + "/" + profile + " v" + version + " deployed " + day(deployedAt);
        }
    }

    /** A flag as deployed or as a repository document declares it. */
    record Value(boolean enabled, String attributes, List<String> variants, Instant since) {

        String shown() {
            return enabled ? "ON" : "OFF";
        }

        /** Whether two declarations agree (since aside). */
        boolean sameAs(Value other) {
            return enabled == other.enabled && attributes.equals(other.attributes) && variants.equals(other.variants);
        }

        String describe() {
            StringBuilder text = new StringBuilder(shown());
            if (!attributes.isEmpty()) {
                text.append(" {").append(attributes).append('}');
            }
            if (!variants.isEmpty()) {
                text.append(" variants ").append(String.join(", ", variants));
            }
            return text.toString();
        }
    }

    /** A repository document mapped to an environment. */
    record Document(String path, Map<String, Value> flags, String error) {}

    final Instant readAt;
    final int retireAfterDays;
    final List<Source> sources = new ArrayList<>();
    final List<Column> columns = new ArrayList<>();
    /** flag -> column index -> its deployed value. */
    final Map<String, Map<Integer, Value>> flags = new TreeMap<>();
    /** environment -> the repository document it should match. */
    final Map<String, Document> repository = new TreeMap<>();

    private DeployedFlags(Instant readAt, int retireAfterDays) {
        this.readAt = readAt;
        this.retireAfterDays = retireAfterDays;
    }

    /** The newest {@code inventory.json} of {@code dirs}, if any has one. */
    static Optional<DeployedFlags> read(Collection<Path> dirs) {
        DeployedFlags newest = null;
        for (Path dir : dirs) {
            Path file = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(file)) {
                DeployedFlags read = read(file);
                if (newest == null || read.readAt.isAfter(newest.readAt)) {
                    newest = read;
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    static DeployedFlags read(Path file) {
        JsonNode root;
        try {
            root = Json.tree(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the inventory " + file + ": " + e.getMessage(), e);
        }
        try {
            DeployedFlags deployed = new DeployedFlags(
                    Instant.parse(root.path("readAt").asText()),
                    root.path("retireAfterDays").asInt(DEFAULT_RETIRE_AFTER_DAYS));
            Map<String, String> accounts = new LinkedHashMap<>();
            Map<String, Instant> instants = new java.util.HashMap<>();
            for (JsonNode source : root.path("sources")) {
                Source s = new Source(
                        source.path("name").asText(),
                        source.path("account").asText(null),
                        source.path("region").asText(),
                        source.path("error").asText(null));
                deployed.sources.add(s);
                accounts.put(s.name(), s.account());
            }
            for (JsonNode deployment : root.path("deployments")) {
                String source = deployment.path("source").asText();
                int index = deployed.columns.size();
                deployed.columns.add(new Column(
                        source,
                        accounts.get(source),
                        deployment.path("application").asText(),
                        deployment.path("environment").asText(),
                        deployment.path("profile").asText(),
                        deployment.path("version").asText(),
                        Instant.parse(deployment.path("deployedAt").asText())));
                deployment
                        .path("flags")
                        .fields()
                        .forEachRemaining(flag -> deployed.flags
                                .computeIfAbsent(flag.getKey(), f -> new TreeMap<>())
                                .put(index, value(flag.getValue(), instants)));
            }
            root.path("repository").fields().forEachRemaining(entry -> {
                JsonNode document = entry.getValue();
                Map<String, Value> flags = new TreeMap<>();
                document.path("flags")
                        .fields()
                        .forEachRemaining(f -> flags.put(f.getKey(), value(f.getValue(), instants)));
                deployed.repository.put(
                        entry.getKey(),
                        new Document(
                                document.path("document").asText(),
                                flags,
                                document.path("error").asText(null)));
            });
            return deployed;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": not a flagtest inventory: " + e.getMessage(), e);
        }
    }

    private static Value value(JsonNode flag, Map<String, Instant> instants) {
        List<String> variants = new ArrayList<>();
        for (JsonNode variant : flag.path("variants")) {
            String text = variant.path("name").asText() + "="
                    + (variant.path("enabled").asBoolean() ? "ON" : "OFF");
            if (variant.path("rule").isTextual()) {
                text += " if " + variant.path("rule").asText();
            }
            if (!variant.path("attributes").isEmpty()) {
                text += " {" + RunRecords.attributes(variant.path("attributes")) + "}";
            }
            variants.add(text);
        }
        Instant since = flag.path("since").isTextual()
                ? instants.computeIfAbsent(flag.path("since").asText(), Instant::parse) // a few distinct dates
                : null;
        return new Value(
                flag.path("enabled").asBoolean(),
                RunRecords.attributes(flag.path("attributes")),
                List.copyOf(variants),
                since);
    }

    /** Whether at least one source was read: only then can a flag be "deployed nowhere". */
    boolean anySourceRead() {
        return sources.stream().anyMatch(s -> s.error() == null);
    }

    static String day(Instant instant) {
        // the date part of Instant.toString(), without its formatter: a page has thousands of dates
        return instant == null
                ? "?"
                : java.time.LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), 86_400L))
                        .toString();
    }
}
