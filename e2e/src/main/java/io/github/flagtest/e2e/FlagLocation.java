package io.github.flagtest.e2e;

/**
 * Where {@link LambdaE2E} deployed a function's flags, for a test (or a function's environment,
 * through {@code ${...}} placeholders) to find them. Components that do not apply to the store are
 * empty strings.
 *
 * <pre>{@code
 * FlagLocation where = orders.flagLocation();
 * where.store();          // "appconfig"
 * where.application();    // "flagtest-1a2b3c4d-ordersE2Etest": the names, and where.applicationId() the IDs
 * }</pre>
 *
 * @param store {@code appconfig}, {@code ssm} or {@code env}
 * @param application the AppConfig application's name
 * @param environment the AppConfig environment's name
 * @param profile the AppConfig configuration profile's name
 * @param applicationId the AppConfig application's ID
 * @param environmentId the AppConfig environment's ID
 * @param profileId the AppConfig configuration profile's ID
 * @param parameter the SSM parameter's name (store {@code ssm}), or the prefix of the environment
 *     variables (store {@code env}, e.g. {@code FEATURE_} for {@code FEATURE_LOYALTY_POINTS})
 * @since 0.1.0
 */
public record FlagLocation(
        String store,
        String application,
        String environment,
        String profile,
        String applicationId,
        String environmentId,
        String profileId,
        String parameter) {}
