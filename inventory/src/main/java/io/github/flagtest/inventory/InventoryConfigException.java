package io.github.flagtest.inventory;

/**
 * The inventory config is unreadable or wrong; the message names the file, the key and what is
 * allowed. {@link InventoryCli} exits with status 2 on it.
 *
 * @since 0.1.0
 */
public final class InventoryConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InventoryConfigException(String message) {
        super(message);
    }
}
