package io.github.flagtest.core;

import java.util.Optional;

/**
 * Where an AppConfig surface ({@link AppConfigEndpoint#httpHandler(FlagSource)}) finds the flags of
 * a configuration profile, and what it tells when it served them.
 *
 * @since 0.1.0
 */
public interface FlagSource {

    /** The flags of {@code app}/{@code env}/{@code profile}; empty if there is no such profile. */
    Optional<FlagState> state(String app, String env, String profile);

    /** Called after a document was served (not after an unchanged poll); records reads, for example. */
    default void served(FlagState served, String operation, String app, String env, String profile) {}
}
