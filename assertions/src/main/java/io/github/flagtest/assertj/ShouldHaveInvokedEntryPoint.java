package io.github.flagtest.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure messages of entry-point assertions. */
final class ShouldHaveInvokedEntryPoint extends BasicErrorMessageFactory {

    private ShouldHaveInvokedEntryPoint(String format, Object... arguments) {
        super(format, arguments);
    }

    static ErrorMessageFactory shouldHaveInvoked(String target, String state) {
        return new ShouldHaveInvokedEntryPoint(
                "%nExpecting %s to be invoked at least once but it was never invoked.%nFlag state of this run: %s",
                unquotedString(target), unquotedString(state));
    }

    static ErrorMessageFactory shouldNotHaveInvoked(String target, int count, String calls, String state) {
        return new ShouldHaveInvokedEntryPoint(
                "%nExpecting %s not to be invoked but it was invoked %s time(s):%n" + calls
                        + "%nFlag state of this run: %s",
                unquotedString(target),
                count,
                unquotedString(state));
    }

    static ErrorMessageFactory shouldHaveInvokedTimes(
            String target, int expected, int actual, String calls, String state) {
        return new ShouldHaveInvokedEntryPoint(
                "%nExpecting %s to be invoked %s time(s) but it was invoked %s time(s)"
                        + (actual == 0 ? "." : ":%n" + calls)
                        + "%nFlag state of this run: %s",
                unquotedString(target),
                expected,
                actual,
                unquotedString(state));
    }

    static ErrorMessageFactory shouldNotHaveInvokedWhileOff(
            String target, String flag, int count, String calls, String state) {
        return new ShouldHaveInvokedEntryPoint(
                "%nExpecting %s never to be invoked while %s was OFF but it was invoked %s time(s) while OFF:%n" + calls
                        + "%nFlag state of this run: %s%nThe code under test must check the flag before it calls the entry point.",
                unquotedString(target),
                unquotedString("'" + flag + "'"),
                count,
                unquotedString(state));
    }

    static ErrorMessageFactory shouldHaveInvokedWhileOn(String target, String flag, String state) {
        return new ShouldHaveInvokedEntryPoint(
                "%nExpecting %s to be invoked because %s was ON but it was never invoked.%nFlag state of this run: %s",
                unquotedString(target), unquotedString("'" + flag + "'"), unquotedString(state));
    }

    static ErrorMessageFactory shouldHaveEntryPoint(String flag, String why) {
        return new ShouldHaveInvokedEntryPoint(
                "%nExpecting an entry point registered for feature %s but there is none:%n  %s",
                flag, unquotedString(why));
    }

    static ErrorMessageFactory shouldBeMock(Object actual) {
        return new ShouldHaveInvokedEntryPoint(
                "%nExpecting a Mockito mock or spy but was:%n  %s%nPass the mock or spy that the code under test calls.",
                actual);
    }

    static ErrorMessageFactory shouldBeRegistered(String target) {
        return new ShouldHaveInvokedEntryPoint(
                "%nExpecting %s to be registered with @FeatureEntryPoint, which names its flag, but it is not;%n"
                        + "annotate its field or parameter with @FeatureEntryPoint(\"flag\"), or use wasInvoked()/wasNotInvoked()",
                unquotedString(target));
    }
}
