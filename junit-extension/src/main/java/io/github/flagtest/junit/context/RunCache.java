package io.github.flagtest.junit.context;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Values worked out once per engine run (a class's pins, its annotated fields), kept in the root
 * store. A value is computed outside the store, so a computation that fails is tried again by the
 * next caller and each failing test gets an exception of its own, not one cached instance.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class RunCache {

    private RunCache() {}

    public static <V> V get(ExtensionContext context, Object key, Class<V> type, Supplier<V> compute) {
        ExtensionContext.Store store = context.getRoot().getStore(Stores.NAMESPACE);
        V value = store.get(key, type);
        if (value == null) {
            value = compute.get(); // parallel tests may compute it twice: the same value either way
            store.put(key, value);
        }
        return value;
    }
}
