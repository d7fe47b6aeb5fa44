package io.github.flagtest.core;

import java.time.Instant;
import java.util.Set;

/**
 * A whole flag document served over HTTP (AppConfig Data's {@code GetLatestConfiguration}, or the
 * agent path without {@code ?flag=}), as recorded by {@link FakeFlags}. It is not a read: flagtest
 * cannot see which of its flags the code then looks at.
 *
 * @param source where it was served, e.g. {@code appconfig:orders/dev/flags}
 * @param operation the operation that served it, e.g. {@code GetLatestConfiguration} or {@code agent}
 * @param flags the flags the document held
 * @param time when it was served
 * @since 0.1.0
 */
public record Serve(String source, String operation, Set<String> flags, Instant time) {

    /**
     * Compact canonical constructor: keeps an unmodifiable copy of {@code flags}.
     *
     * @param source where it was served
     * @param operation the operation that served it
     * @param flags the flags the document held
     * @param time when it was served
     */
    public Serve {
        flags = Set.copyOf(flags);
    }
}
