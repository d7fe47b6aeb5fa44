package io.github.flagtest.assertj;

import io.github.flagtest.core.FlagTestException;
import io.github.flagtest.junit.EntryPointCall;
import io.github.flagtest.junit.FlagTest;
import java.util.List;

/**
 * Assertions on every {@code @FeatureEntryPoint} registered for one flag in the running test; get
 * one from {@link FlagAssertions#assertThatFeature(String)}.
 *
 * <pre>{@code
 * assertThatFeature("loyalty-points").wasInvokedOnlyWhenEnabled();
 * }</pre>
 *
 * <p>Fails if no entry point is registered for the flag.
 *
 * @since 0.1.0
 */
public class FeatureAssert extends AbstractEntryPointAssert<FeatureAssert, String> {

    /**
     * Asserts on the entry points of feature {@code flag}.
     *
     * @param flag the flag that guards the feature
     */
    public FeatureAssert(String flag) {
        super(flag, FeatureAssert.class);
    }

    @Override
    List<EntryPointCall> calls() {
        try {
            return FlagTest.entryPointCalls(actual);
        } catch (FlagTestException e) {
            throwAssertionError(ShouldHaveInvokedEntryPoint.shouldHaveEntryPoint(actual, e.getMessage()));
            throw new AssertionError("unreachable");
        }
    }

    @Override
    String target() {
        return "the entry point of feature \"" + actual + "\"";
    }

    @Override
    String flag() {
        return actual;
    }
}
