/**
 * Internal room of flagtest's JUnit extension: what every room reads from JUnit's context. Owns the
 * {@code flagtest.*} configuration parameters ({@code Settings}), the flag documents they name and
 * the flag-name check against the catalog ({@code FlagDocuments}), whether a class is an
 * {@code @LambdaE2E} class ({@code E2EClass}), how messages name tests ({@code Describe}),
 * flagtest's namespace in JUnit's store ({@code Stores}) and values worked out once per run ({@code
 * RunCache}).
 *
 * <p>May use: core and JUnit only; nothing else of {@code io.github.flagtest.junit}.
 */
package io.github.flagtest.junit.context;
