package io.github.flagtest.assertj;

import io.github.flagtest.core.FakeFlags;

/**
 * AssertJ entry points for flag tests.
 *
 * <pre>{@code
 * import static io.github.flagtest.assertj.FlagAssertions.*;
 *
 * assertThatFeature("loyalty-points").wasInvokedOnlyWhenEnabled(); // in a @FlagMatrix test
 * assertThatEntryPoint(loyalty).wasInvokedTimes(1);
 * assertThat(flags).evaluatedAtSingleSite("loyalty-points");
 * }</pre>
 *
 * <p>For soft assertions use {@link FlagSoftAssertions}.
 *
 * @since 0.1.0
 */
public final class FlagAssertions {

    private FlagAssertions() {}

    /**
     * Assertions on every {@code @FeatureEntryPoint} registered for {@code flag} in the running test.
     *
     * @param flag the flag that guards the feature
     * @return the assertion on the feature's entry points
     */
    public static FeatureAssert assertThatFeature(String flag) {
        return new FeatureAssert(flag);
    }

    /**
     * Assertions on the calls to one Mockito mock or spy.
     *
     * @param mockOrSpy a Mockito mock or spy
     * @return the assertion on its calls
     */
    public static EntryPointAssert assertThatEntryPoint(Object mockOrSpy) {
        return new EntryPointAssert(mockOrSpy);
    }

    /**
     * Assertions on the reads recorded by a {@link FakeFlags}.
     *
     * @param flags the fake whose reads are asserted on
     * @return the assertion on its reads
     */
    public static FakeFlagsAssert assertThat(FakeFlags flags) {
        return new FakeFlagsAssert(flags);
    }
}
