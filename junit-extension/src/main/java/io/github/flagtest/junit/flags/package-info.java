/**
 * Internal room of flagtest's JUnit extension: a test's flags. Owns resolving the state a test
 * starts with from catalog, profile, {@code @WithFlag} pins with their attributes and matrix
 * assignments ({@code FlagResolver}, {@code AttributePins}), how a {@code @FlagClient} mock answers, from one
 * test or from whichever test runs ({@code FlagClientAnswer}), routing OpenFeature to the running test ({@code OpenFeatureSupport},
 * {@code OpenFeatureRouting}) and the check of undeclared reads ({@code UndeclaredReads}).
 *
 * <p>May use: {@code .current}, {@code .matrix}, {@code .context}, {@code .classpath}, the
 * annotation types of {@code io.github.flagtest.junit}, core, Mockito and OpenFeature. Used by
 * {@code .inject} and {@code FlagExtension}.
 */
package io.github.flagtest.junit.flags;
