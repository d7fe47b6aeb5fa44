/**
 * flagtest's flag model, free of any test framework: {@link io.github.flagtest.core.FlagState},
 * {@link io.github.flagtest.core.FakeFlags} (a {@link io.github.flagtest.core.FlagReader}) with the
 * {@link io.github.flagtest.core.Evaluation}s it records, {@link io.github.flagtest.core.FlagCatalog}
 * and its {@link io.github.flagtest.core.FlagDefinition}s, {@link io.github.flagtest.core.Variants},
 * the OpenFeature provider {@link io.github.flagtest.core.FakeFlagsProvider}, and {@link
 * io.github.flagtest.core.AppConfigEndpoint}, which serves a fake over AppConfig's HTTP API.
 *
 * <p>Rooms: {@code .rules} is the targeting rule engine (it depends on nothing here; {@code
 * Variants} uses it); {@code .appconfig} is AppConfig's HTTP surface (it uses the public model here;
 * only {@code AppConfigEndpoint}, its entry point, uses it).
 */
package io.github.flagtest.core;
