package io.github.flagtest.assertj;

import io.github.flagtest.core.FlagTestException;
import io.github.flagtest.junit.EntryPointCall;
import io.github.flagtest.junit.FlagTest;
import java.util.List;
import org.mockito.Mockito;

/**
 * Assertions on the calls to one Mockito mock or spy; get one from {@link
 * FlagAssertions#assertThatEntryPoint(Object)}.
 *
 * <pre>{@code
 * assertThatEntryPoint(loyalty).wasInvokedTimes(1);
 * }</pre>
 *
 * <p>{@link #wasInvokedOnlyWhenEnabled()} needs the mock to be a registered
 * {@code @FeatureEntryPoint}, which names its flag.
 *
 * @since 0.1.0
 */
public class EntryPointAssert extends AbstractEntryPointAssert<EntryPointAssert, Object> {

    /**
     * Asserts on the calls to {@code mockOrSpy}.
     *
     * @param mockOrSpy a Mockito mock or spy
     */
    public EntryPointAssert(Object mockOrSpy) {
        super(mockOrSpy, EntryPointAssert.class);
    }

    @Override
    List<EntryPointCall> calls() {
        try {
            return FlagTest.entryPointCalls(actual);
        } catch (FlagTestException e) {
            throwAssertionError(ShouldHaveInvokedEntryPoint.shouldBeMock(actual));
            throw new AssertionError("unreachable");
        }
    }

    @Override
    String target() {
        return "entry point "
                + Mockito.mockingDetails(actual).getMockCreationSettings().getMockName();
    }

    @Override
    String flag() {
        calls(); // fails clearly for something that is not a mock
        return FlagTest.entryPointFlag(actual).orElseGet(() -> {
            throwAssertionError(ShouldHaveInvokedEntryPoint.shouldBeRegistered(target()));
            return null;
        });
    }
}
