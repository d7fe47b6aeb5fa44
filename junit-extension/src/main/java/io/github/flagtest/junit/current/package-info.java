/**
 * Internal room of flagtest's JUnit extension: the running test. Owns what flagtest holds for one
 * test ({@code TestFlags}: its fake, the state it started with, its matrix runs, the entry points
 * registered for it, what to restore), the thread binding behind {@code FlagTest.currentFlags()}
 * ({@code CurrentFlags}), the flag state over time ({@code StateTimeline}) and the contract every
 * registered entry point fulfils ({@code EntryPoint}, implemented in {@code .entrypoint}).
 *
 * <p>May use: {@code .matrix}, the annotation types and {@code EntryPointCall} of {@code
 * io.github.flagtest.junit}, core and Mockito. Used by every room above it and by {@code
 * FlagExtension} and {@code FlagTest}.
 */
package io.github.flagtest.junit.current;
