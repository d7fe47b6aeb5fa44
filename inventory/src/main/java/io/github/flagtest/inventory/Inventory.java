package io.github.flagtest.inventory;

import io.github.flagtest.core.FlagTestException;
import io.github.flagtest.shaded.jackson.databind.ObjectMapper;
import io.github.flagtest.shaded.jackson.databind.node.ArrayNode;
import io.github.flagtest.shaded.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The feature flags deployed with AWS AppConfig in every source of an {@link InventoryConfig}, read
 * only with List and Get calls, written as {@code inventory.json} for the flag report.
 *
 * <pre>{@code
 * InventoryConfig config = InventoryConfig.read(Path.of("flagtest-inventory.json"));
 * Inventory inventory = Inventory.read(config, Path.of("."));
 * Path json = inventory.write(Path.of("target/flagtest"));
 * System.out.println(inventory.summaryLine(json));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Inventory {

    /** The file name the report looks for in its directories. */
    public static final String FILE_NAME = "inventory.json";

    /** Sources, applications and environments read at once by default. */
    public static final int DEFAULT_THREADS = 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InventoryConfig config;
    private final Instant readAt;
    private final InventoryReader.Result result;
    private final Map<String, RepositoryDocument> repository;

    private Inventory(
            InventoryConfig config,
            Instant readAt,
            InventoryReader.Result result,
            Map<String, RepositoryDocument> repository) {
        this.config = config;
        this.readAt = readAt;
        this.result = result;
        this.repository = repository;
    }

    /**
     * Reads every source of {@code config} with the default pool; repository documents are resolved
     * against {@code base} (the project's directory).
     *
     * @param config the inventory's configuration
     * @param base the directory repository documents are resolved against
     * @return what was read
     */
    public static Inventory read(InventoryConfig config, Path base) {
        return read(config, base, DEFAULT_THREADS, Clock.systemUTC());
    }

    /**
     * As {@link #read(InventoryConfig, Path)}, with {@code threads} calls at once and {@code clock} for {@code readAt}.
     *
     * @param config the inventory's configuration
     * @param base the directory repository documents are resolved against
     * @param threads how many calls run at once
     * @param clock the clock of {@code readAt}
     * @return what was read
     */
    public static Inventory read(InventoryConfig config, Path base, int threads, Clock clock) {
        Instant readAt = clock.instant();
        InventoryReader.Result result = new InventoryReader(config, threads).read();
        return new Inventory(config, readAt, result, RepositoryDocument.readAll(config.repository(), base));
    }

    /**
     * How many sources could not be read.
     *
     * @return the number of failed sources
     */
    public long failedSources() {
        return result.sources().stream().filter(s -> s.error() != null).count();
    }

    /**
     * How many deployments (profile and environment) were read.
     *
     * @return the number of deployments
     */
    public int deployments() {
        return result.deployments().size();
    }

    /**
     * The error of each source that failed, by source name.
     *
     * @return source name to error message
     */
    public Map<String, String> errors() {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        result.sources().stream().filter(s -> s.error() != null).forEach(s -> errors.put(s.name(), s.error()));
        return errors;
    }

    /**
     * {@code flagtest inventory: target/flagtest/inventory.json (3 sources, 1 failed, 12 deployments)}.
     *
     * @param file the written {@code inventory.json}
     * @return the summary line
     */
    public String summaryLine(Path file) {
        int sources = result.sources().size();
        return "flagtest inventory: " + file + " (" + sources + " source" + (sources == 1 ? "" : "s") + ", "
                + failedSources() + " failed, " + deployments() + " deployment" + (deployments() == 1 ? "" : "s")
                + ")";
    }

    /**
     * Writes {@code inventory.json} into {@code dir}; returns the file.
     *
     * @param dir the output directory
     * @return the written {@code inventory.json}
     */
    public Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE_NAME);
            Files.writeString(
                    file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json()), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the inventory to " + dir + ": " + e.getMessage(), e);
        }
    }

    ObjectNode json() {
        ObjectNode root = JSON.createObjectNode().put("readAt", readAt.toString());
        ArrayNode sources = root.putArray("sources");
        for (SourceResult source : result.sources()) {
            sources.addObject()
                    .put("name", source.name())
                    .put("account", source.account())
                    .put("region", source.region())
                    .put("error", source.error());
        }
        ArrayNode deployments = root.putArray("deployments");
        for (DeploymentRecord deployment : result.deployments()) {
            ObjectNode node = deployments
                    .addObject()
                    .put("source", deployment.source())
                    .put("application", deployment.application())
                    .put("environment", deployment.environment())
                    .put("profile", deployment.profile())
                    .put("version", deployment.version())
                    .put("deployedAt", deployment.deployedAt().toString());
            ObjectNode flags = node.putObject("flags");
            deployment.flags().forEach((name, flag) -> {
                ObjectNode flagNode = flag(flags.putObject(name), flag.value());
                flagNode.put("since", flag.since().toString());
            });
        }
        // beyond DESIGN's keys, for the report: its retirement threshold and the documents drift is judged against
        root.put("retireAfterDays", config.retireAfterDays());
        ObjectNode repo = root.putObject("repository");
        repository.forEach((environment, document) -> {
            ObjectNode node = repo.putObject(environment).put("document", document.path());
            if (document.error() != null) {
                node.put("error", document.error());
            } else {
                ObjectNode flags = node.putObject("flags");
                document.flags().forEach((name, value) -> flag(flags.putObject(name), value));
            }
        });
        return root;
    }

    private static ObjectNode flag(ObjectNode node, DeployedFlag value) {
        node.put("enabled", value.enabled());
        node.set("attributes", JSON.valueToTree(value.attributes()));
        ArrayNode variants = node.putArray("variants");
        for (DeployedFlag.Variant variant : value.variants()) {
            ObjectNode v = variants.addObject().put("name", variant.name()).put("enabled", variant.enabled());
            v.put("rule", variant.rule());
            v.set("attributes", JSON.valueToTree(variant.attributes()));
        }
        return node;
    }

    /** A repository document mapped to an environment, parsed as the deployed ones are. */
    record RepositoryDocument(String path, Map<String, DeployedFlag> flags, String error) {

        static Map<String, RepositoryDocument> readAll(Map<String, String> repository, Path base) {
            Map<String, RepositoryDocument> documents = new java.util.TreeMap<>();
            repository.forEach((environment, path) -> documents.put(environment, read(path, base)));
            return documents;
        }

        private static RepositoryDocument read(String path, Path base) {
            Path file = base.resolve(path);
            try {
                return new RepositoryDocument(path, DeployedFlag.parse(Files.readString(file), path), null);
            } catch (IOException e) {
                return new RepositoryDocument(path, Map.of(), "cannot read " + file + ": " + e.getMessage());
            } catch (FlagTestException e) {
                return new RepositoryDocument(path, Map.of(), e.getMessage());
            }
        }
    }

    List<SourceResult> sources() {
        return result.sources();
    }
}
