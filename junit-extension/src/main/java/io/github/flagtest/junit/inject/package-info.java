/**
 * Internal room of flagtest's JUnit extension: what flagtest puts into a test. Owns the
 * {@code @FeatureEntryPoint} and {@code @FlagClient} fields ({@code TestFields}), the parameters
 * ({@code FakeFlags}, {@code FlagState}, entry points, flag clients, {@code AppConfigEndpoint},
 * OpenFeature's {@code Client}: {@code ParameterSupport}) and the mocks and spies behind them
 * ({@code Mocks}).
 *
 * <p>May use: {@code .entrypoint}, {@code .flags}, {@code .current}, {@code .context}, the
 * annotation types of {@code io.github.flagtest.junit}, core and Mockito. Used by {@code
 * FlagExtension} only.
 */
package io.github.flagtest.junit.inject;
