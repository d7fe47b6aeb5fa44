package io.github.flagtest.assertj;

import io.github.flagtest.core.FakeFlags;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * The soft versions of {@link FlagAssertions}' entry points; mix it into your own soft assertions
 * class, or use {@link FlagSoftAssertions}.
 *
 * @since 0.1.0
 */
public interface FlagSoftAssertionsProvider extends SoftAssertionsProvider {

    /**
     * Soft {@link FlagAssertions#assertThatFeature(String)}.
     *
     * @param flag the flag that guards the feature
     * @return the assertion on the feature's entry points, its failures collected
     */
    default FeatureAssert assertThatFeature(String flag) {
        return proxy(FeatureAssert.class, String.class, flag);
    }

    /**
     * Soft {@link FlagAssertions#assertThatEntryPoint(Object)}.
     *
     * @param mockOrSpy a Mockito mock or spy
     * @return the assertion on its calls, its failures collected
     */
    default EntryPointAssert assertThatEntryPoint(Object mockOrSpy) {
        return proxy(EntryPointAssert.class, Object.class, mockOrSpy);
    }

    /**
     * Soft {@link FlagAssertions#assertThat(FakeFlags)}.
     *
     * @param flags the fake whose reads are asserted on
     * @return the assertion on its reads, its failures collected
     */
    default FakeFlagsAssert assertThat(FakeFlags flags) {
        return proxy(FakeFlagsAssert.class, FakeFlags.class, flags);
    }
}
