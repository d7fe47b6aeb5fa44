/**
 * Internal room of flagtest's JUnit extension: feature entry points. Owns the two kinds of {@code
 * EntryPoint} (a mock or spy in a field or parameter, {@code MockEntryPoint}; a type named on the
 * test, {@code TypeEntryPoint}, registered by {@code TypeEntryPoints} and seen through {@code
 * io.github.flagtest.junit.instrument}), reading a mock's calls and the after-test check that a
 * call happened only while its flag was ON ({@code EntryPointCheck}).
 *
 * <p>May use: {@code .current}, {@code .context}, {@code .instrument}, the annotation types and
 * {@code EntryPointCall} of {@code io.github.flagtest.junit}, core and Mockito. Used by {@code
 * .inject}, {@code FlagExtension} and {@code FlagTest}.
 */
package io.github.flagtest.junit.entrypoint;
