package io.github.flagtest.e2e.harness;

import io.github.flagtest.e2e.FunctionEnvironment;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An E2E class's deployment, started once: at once, or at the class's first test when {@link
 * FunctionEnvironment} methods need what its {@code @BeforeAll} methods start. A start that failed
 * fails every later test with the same error, and is not tried again.
 */
// JUnit closes a store value once: as AutoCloseable from 5.13, as CloseableResource before
@SuppressWarnings("deprecation")
final class Deployment implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final String owner;
    private final Supplier<E2ESession> start;
    private E2ESession session; // guarded by this
    private RuntimeException failure; // guarded by this

    Deployment(String owner, Supplier<E2ESession> start) {
        this.owner = owner;
        this.start = start;
    }

    String owner() {
        return owner;
    }

    synchronized E2ESession session() {
        if (session == null) {
            if (failure != null) {
                throw failure;
            }
            try {
                session = start.get();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return session;
    }

    synchronized Optional<E2ESession> started() {
        return Optional.ofNullable(session);
    }

    @Override
    public synchronized void close() {
        if (session != null) {
            session.close();
        }
    }
}
