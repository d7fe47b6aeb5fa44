package io.github.flagtest.assertj;

import io.github.flagtest.junit.EntryPointCall;
import io.github.flagtest.junit.FlagTest;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractAssert;

/**
 * Checks shared by {@link FeatureAssert} and {@link EntryPointAssert}: how often an entry point was
 * called, and whether only while its flag was ON.
 *
 * @param <SELF> the concrete assert
 * @param <ACTUAL> what it asserts on (a flag name, a mock)
 * @since 0.1.0
 */
public abstract class AbstractEntryPointAssert<SELF extends AbstractEntryPointAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractAssert<SELF, ACTUAL> {

    /**
     * For subclasses.
     *
     * @param actual the entry point (a mock or spy, or a feature's registered entry points)
     * @param selfType the concrete assertion class, as AssertJ's {@code AbstractAssert} takes it
     */
    protected AbstractEntryPointAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The calls to check, in call order. */
    abstract List<EntryPointCall> calls();

    /** How messages name the target, e.g. {@code the entry point of feature "loyalty-points"}. */
    abstract String target();

    /** The flag whose state {@link #wasInvokedOnlyWhenEnabled()} uses. */
    abstract String flag();

    /**
     * Passes if the entry point was called at least once.
     *
     * <pre>{@code
     * assertThatFeature("loyalty-points").wasInvoked(); // fails if award(...) was never called
     * }</pre>
     *
     * @return {@code this} assertion object
     */
    public SELF wasInvoked() {
        isNotNull();
        if (calls().isEmpty()) {
            throwAssertionError(ShouldHaveInvokedEntryPoint.shouldHaveInvoked(target(), runState()));
        }
        return myself;
    }

    /**
     * Passes if the entry point was never called.
     *
     * <pre>{@code
     * assertThatEntryPoint(loyalty).wasNotInvoked(); // fails listing each call and its file:line
     * }</pre>
     *
     * @return {@code this} assertion object
     */
    public SELF wasNotInvoked() {
        isNotNull();
        List<EntryPointCall> calls = calls();
        if (!calls.isEmpty()) {
            throwAssertionError(
                    ShouldHaveInvokedEntryPoint.shouldNotHaveInvoked(target(), calls.size(), list(calls), runState()));
        }
        return myself;
    }

    /**
     * Passes if the entry point was called exactly {@code times} times.
     *
     * <pre>{@code
     * assertThatFeature("loyalty-points").wasInvokedTimes(1);
     * }</pre>
     *
     * @param times the expected number of calls
     * @return {@code this} assertion object
     */
    public SELF wasInvokedTimes(int times) {
        isNotNull();
        List<EntryPointCall> calls = calls();
        if (calls.size() != times) {
            throwAssertionError(ShouldHaveInvokedEntryPoint.shouldHaveInvokedTimes(
                    target(), times, calls.size(), list(calls), runState()));
        }
        return myself;
    }

    /**
     * The one-liner for a matrix test: in a run that starts with the flag ON the entry point was
     * called at least once; no call ever happened while the flag was OFF (flips mid-test count).
     *
     * <pre>{@code
     * @FlagMatrix({"loyalty-points", "free-shipping"})
     * void placesAnOrder(FakeFlags flags) {
     *     handler.handle(order);
     *     assertThatFeature("loyalty-points").wasInvokedOnlyWhenEnabled();
     * }
     * }</pre>
     * @return {@code this} assertion object
     */
    public SELF wasInvokedOnlyWhenEnabled() {
        isNotNull();
        String flag = flag();
        List<EntryPointCall> calls = calls();
        List<EntryPointCall> whileOff =
                calls.stream().filter(call -> !call.allowed()).toList();
        if (!whileOff.isEmpty()) {
            throwAssertionError(ShouldHaveInvokedEntryPoint.shouldNotHaveInvokedWhileOff(
                    target(), flag, whileOff.size(), list(whileOff), runState()));
        }
        if (FlagTest.currentState().isOn(flag) && calls.isEmpty()) {
            throwAssertionError(ShouldHaveInvokedEntryPoint.shouldHaveInvokedWhileOn(target(), flag, runState()));
        }
        return myself;
    }

    static String runState() {
        try {
            return FlagTest.currentState().toString();
        } catch (io.github.flagtest.core.FlagTestException notInAFlagTest) {
            return "(not a flagtest test)";
        }
    }

    static String list(List<EntryPointCall> calls) {
        return IntStream.range(0, calls.size())
                .mapToObj(i -> "  " + (i + 1) + ". " + calls.get(i).toString().replace("%", "%%"))
                .collect(Collectors.joining("%n"));
    }
}
