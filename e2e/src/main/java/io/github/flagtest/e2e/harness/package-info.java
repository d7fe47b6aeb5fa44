/**
 * How {@code @LambdaE2E} runs (internal to flagtest): the JUnit extension and each class's session,
 * the deployer that talks to every backend through the AWS SDK, the flag stores (AppConfig, SSM,
 * environment variables), the backends (embedded, LocalStack, Floci, an endpoint, AWS), the summary,
 * and {@link io.github.flagtest.e2e.harness.Sweep} for what an aws run left behind.
 */
package io.github.flagtest.e2e.harness;
