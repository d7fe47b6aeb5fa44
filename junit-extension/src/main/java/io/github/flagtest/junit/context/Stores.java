package io.github.flagtest.junit.context;

import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * flagtest's namespace in JUnit's {@code ExtensionContext.Store}: every room keeps its state
 * (settings, a test's flags, matrix runs, the run record) under it.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class Stores {

    public static final Namespace NAMESPACE = Namespace.create(Stores.class);

    private Stores() {}
}
