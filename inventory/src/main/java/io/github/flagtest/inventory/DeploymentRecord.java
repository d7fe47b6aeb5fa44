package io.github.flagtest.inventory;

import java.time.Instant;
import java.util.Map;

/**
 * The latest complete deployment of one feature flag profile to one environment, with each flag as
 * deployed and since when it has been so.
 *
 * @param version the deployed hosted configuration version number
 * @param flags each flag with its {@code since}, in the document's order
 */
record DeploymentRecord(
        String source,
        String application,
        String environment,
        String profile,
        String version,
        Instant deployedAt,
        Map<String, Flag> flags) {

    /** A flag as deployed, and when its value, variant rules or attributes last changed in that environment. */
    record Flag(DeployedFlag value, Instant since) {}
}
