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

    /** Soft {@link FlagAssertions#assertThatFeature(String)}. */
    default FeatureAssert assertThatFeature(String flag) {
        return proxy(FeatureAssert.class, String.class, flag);
    }

    /** Soft {@link FlagAssertions#assertThatEntryPoint(Object)}. */
    default EntryPointAssert assertThatEntryPoint(Object mockOrSpy) {
        return proxy(EntryPointAssert.class, Object.class, mockOrSpy);
    }

    /** Soft {@link FlagAssertions#assertThat(FakeFlags)}. */
    default FakeFlagsAssert assertThat(FakeFlags flags) {
        return proxy(FakeFlagsAssert.class, FakeFlags.class, flags);
    }
}
