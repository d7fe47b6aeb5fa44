/**
 * Internal room of flagtest's JUnit extension: what flagtest puts into a test. Owns the
 * {@code @FeatureEntryPoint} and {@code @FlagClient} fields ({@code TestFields}), the parameters
 * ({@code FakeFlags}, {@code FlagState}, entry points, flag clients, {@code AppConfigEndpoint},
 * OpenFeature's {@code Client}: {@code ParameterSupport}), the mocks and spies behind them ({@code
 * Mocks}, which also programs a flag client mock a framework put into a field) and the check that a
 * test which pins flags reached its flag clients ({@code FlagClients}).
 *
 * <p>May use: {@code .entrypoint}, {@code .flags}, {@code .current}, {@code .context}, the
 * annotation types of {@code io.github.flagtest.junit}, core and Mockito. Used by {@code
 * FlagExtension} only.
 */
package io.github.flagtest.junit.inject;
