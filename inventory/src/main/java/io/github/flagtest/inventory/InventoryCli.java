package io.github.flagtest.inventory;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The inventory from any build tool or a cron job:
 *
 * <pre>{@code
 * java -cp flagtest-inventory.jar:... io.github.flagtest.inventory.InventoryCli --config flagtest-inventory.json [--out target/flagtest]
 * }</pre>
 *
 * Exits 0 when the config was valid, also when a source failed (its error is in the file); 2 on a
 * bad config or bad arguments, with a message that says what to fix.
 *
 * @since 0.1.0
 */
public final class InventoryCli {

    static final String USAGE = "usage: InventoryCli --config FILE [--out DIR]   (default out: target/flagtest)";

    private InventoryCli() {}

    /**
     * Runs the inventory and exits with its status: 0 when the config was valid (also if a source
     * failed), 2 on a bad config.
     *
     * @param args {@code --config FILE [--out DIR]}
     */
    public static void main(String[] args) {
        int status = run(args, Path.of(""), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the inventory; returns the exit status. Relative paths resolve against {@code base}. */
    static int run(String[] args, Path base, PrintStream out, PrintStream err) {
        Path config = null;
        Path dir = Path.of("target", "flagtest");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--config") || arg.equals("--out")) && i + 1 < args.length) {
                Path value = Path.of(args[++i]);
                if (arg.equals("--config")) {
                    config = value;
                } else {
                    dir = value;
                }
            } else {
                err.println("flagtest inventory: unexpected argument '" + arg + "'; " + USAGE);
                return 2;
            }
        }
        if (config == null) {
            err.println("flagtest inventory: --config is missing; " + USAGE);
            return 2;
        }
        InventoryConfig parsed;
        try {
            parsed = InventoryConfig.read(base.resolve(config));
        } catch (InventoryConfigException e) {
            err.println("flagtest inventory: bad config: " + e.getMessage());
            return 2;
        }
        Inventory inventory = Inventory.read(parsed, base.toAbsolutePath());
        Path file = inventory.write(base.resolve(dir));
        out.println(inventory.summaryLine(file));
        inventory
                .errors()
                .forEach(
                        (source, error) -> err.println("flagtest inventory: source '" + source + "' failed: " + error));
        return 0;
    }
}
