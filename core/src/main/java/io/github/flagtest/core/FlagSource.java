package io.github.flagtest.core;

import java.util.Map;
import java.util.Optional;

/**
 * Where an AppConfig surface ({@link AppConfigEndpoint#httpHandler(FlagSource)}) finds the flags of
 * a configuration profile, and what it tells when it served them.
 *
 * @since 0.1.0
 */
public interface FlagSource {

    /**
     * The flags of {@code app}/{@code env}/{@code profile}; empty if there is no such profile.
     *
     * @param app the AppConfig application name
     * @param env the environment name
     * @param profile the configuration profile name
     * @return the profile's flags, or empty
     */
    Optional<FlagState> state(String app, String env, String profile);

    /**
     * Called when a client starts an AppConfig Data session, with the poll interval it asked for
     * (the {@code NextPollIntervalInSeconds} it will get): how soon that client can see a change.
     *
     * @param app the AppConfig application name
     * @param env the environment name
     * @param profile the configuration profile name
     * @param pollIntervalSeconds the poll interval of the session, in seconds
     * @since 0.1.0
     */
    default void sessionStarted(String app, String env, String profile, int pollIntervalSeconds) {}

    /**
     * Called after a document was served (not after an unchanged poll); records reads, for example.
     *
     * @param served the flags of the served document
     * @param operation the operation that served it, e.g. {@code GetLatestConfiguration} or {@code agent}
     * @param app the AppConfig application name
     * @param env the environment name
     * @param profile the configuration profile name
     */
    default void served(FlagState served, String operation, String app, String env, String profile) {}

    /**
     * As {@link #served(FlagState, String, String, String, String)}, with the evaluation context the
     * caller sent (the agent path's {@code Context} headers; empty if none). {@code served} holds the
     * flags as declared: multi-variant flags as {@link Variants}, resolved for {@code context} in the
     * document. flagtest's AppConfig surfaces call this overload for every document they serve
     * (with an empty context on the AppConfig Data API); by default it calls the method without
     * context, so a source may implement either one.
     *
     * @param served the flags of the served document
     * @param operation the operation that served it, e.g. {@code GetLatestConfiguration} or {@code agent}
     * @param context the evaluation context the caller sent
     * @param app the AppConfig application name
     * @param env the environment name
     * @param profile the configuration profile name
     * @since 0.1.0
     */
    default void served(
            FlagState served, String operation, Map<String, String> context, String app, String env, String profile) {
        served(served, operation, app, env, profile);
    }
}
