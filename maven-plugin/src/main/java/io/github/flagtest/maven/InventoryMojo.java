package io.github.flagtest.maven;

import io.github.flagtest.inventory.Inventory;
import io.github.flagtest.inventory.InventoryConfig;
import io.github.flagtest.inventory.InventoryConfigException;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reads the feature flags deployed with AWS AppConfig in every source of the inventory config,
 * read-only, into {@code target/flagtest/inventory.json}; {@code report} and {@code
 * report-aggregate} then show them next to the tests.
 *
 * <pre>{@code
 * mvn flagtest:inventory -Dflagtest.inventory.config=flagtest-inventory.json flagtest:report
 * }</pre>
 *
 * A bad config fails the build naming the key to fix; a source that cannot be read is a warning
 * and its error is in the file.
 *
 * @since 0.1.0
 */
@Mojo(name = "inventory", threadSafe = true)
public class InventoryMojo extends AbstractMojo {

    /** The inventory config (JSON); relative paths in its {@code repository} resolve against the project directory. */
    @Parameter(property = "flagtest.inventory.config", required = true)
    File config;

    /** Where {@code inventory.json} goes: the report's directory. */
    @Parameter(property = "flagtest.inventory.output", defaultValue = "${project.build.directory}/flagtest")
    File outputDirectory;

    /** The project directory. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /** Skip the inventory. */
    @Parameter(property = "flagtest.inventory.skip", defaultValue = "false")
    boolean skip;

    /** Created by Maven. */
    public InventoryMojo() {}

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("flagtest inventory skipped");
            return;
        }
        InventoryConfig parsed;
        try {
            parsed = InventoryConfig.read(config.toPath());
        } catch (InventoryConfigException e) {
            throw new MojoFailureException("flagtest inventory: bad config: " + e.getMessage(), e);
        }
        Path base = basedir == null ? Path.of("").toAbsolutePath() : basedir.toPath();
        Inventory inventory = Inventory.read(parsed, base);
        Path file = inventory.write(outputDirectory.toPath());
        getLog().info(inventory.summaryLine(file));
        inventory
                .errors()
                .forEach((source, error) ->
                        getLog().warn("flagtest inventory: source '" + source + "' failed: " + error));
    }
}
