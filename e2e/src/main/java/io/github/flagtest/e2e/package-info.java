/**
 * End-to-end tests of real Lambda handlers with their flags in a real flag store: {@link
 * io.github.flagtest.e2e.LambdaE2E} and what a test gets from it ({@link
 * io.github.flagtest.e2e.DeployedFunction}, {@link io.github.flagtest.e2e.InvocationResult}, {@link
 * io.github.flagtest.e2e.FlagStore}, {@link io.github.flagtest.e2e.FlagLocation}, {@link
 * io.github.flagtest.e2e.ExpectedMiss}). How it runs lives in {@code .harness}; the embedded AWS in
 * {@code .embedded}.
 */
package io.github.flagtest.e2e;
