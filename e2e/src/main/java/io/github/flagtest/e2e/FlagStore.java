package io.github.flagtest.e2e;

import io.github.flagtest.core.FlagState;

/**
 * The flag document of a deployed function in the real flag store: each change is a new AppConfig
 * hosted version and deployment (or an SSM parameter write on backends without AppConfig).
 *
 * @since 0.1.0
 */
public interface FlagStore {

    /**
     * Turns {@code flag} ON in the store.
     *
     * @param flag the flag name
     */
    void enable(String flag);

    /**
     * Turns {@code flag} OFF in the store.
     *
     * @param flag the flag name
     */
    void disable(String flag);

    /**
     * Sets {@code flag} to {@code value} (Boolean or variant String) in the store.
     *
     * @param flag the flag name
     * @param value {@code Boolean} for ON/OFF, a {@code String} for a variant
     */
    void set(String flag, Object value);

    /**
     * The state last written to the store.
     *
     * @return the state last written
     */
    FlagState current();
}
