package io.github.flagtest.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure messages of {@link FakeFlagsAssert}'s read checks. */
final class ShouldBeEvaluated extends BasicErrorMessageFactory {

    private ShouldBeEvaluated(String format, Object... arguments) {
        super(format, arguments);
    }

    static ErrorMessageFactory shouldHaveEvaluated(String flag, String read, String state) {
        return new ShouldBeEvaluated(
                "%nExpecting flag %s to be evaluated but it was never read.%nFlags read: %s%nFlag state of this run: %s",
                flag, unquotedString(read), unquotedString(state));
    }

    static ErrorMessageFactory shouldHaveEvaluatedNotJustServed(String flag, int serves, String where) {
        return new ShouldBeEvaluated(
                "%nExpecting flag %s to be evaluated but it was only served, in %s whole document(s):%n" + where
                        + "%nflagtest cannot tell whether the code looked at a flag in a whole document."
                        + "%nTo make the read visible, read the flag by name: through FakeFlags, a @FlagClient,"
                        + " OpenFeature, or the AppConfig agent path with ?flag=%s.",
                flag,
                serves,
                unquotedString(flag));
    }

    static ErrorMessageFactory shouldNotHaveEvaluated(String flag, int count, String sites, String state) {
        return new ShouldBeEvaluated(
                "%nExpecting flag %s never to be evaluated but it was read %s time(s):%n" + sites
                        + "%nFlag state of this run: %s",
                flag,
                count,
                unquotedString(state));
    }

    static ErrorMessageFactory shouldHaveEvaluatedTimes(
            String flag, int expected, int actual, String sites, String state) {
        return new ShouldBeEvaluated(
                "%nExpecting flag %s to be evaluated %s time(s) but it was read %s time(s)"
                        + (actual == 0 ? "." : ":%n" + sites)
                        + "%nFlag state of this run: %s",
                flag,
                expected,
                actual,
                unquotedString(state));
    }

    static ErrorMessageFactory shouldHaveEvaluatedWithContext(String flag, String key, Object value, String contexts) {
        return new ShouldBeEvaluated(
                "%nExpecting flag %s to be evaluated with context %s=%s but its reads had these contexts:%n" + contexts,
                flag,
                unquotedString(key),
                value);
    }

    static ErrorMessageFactory shouldHaveEvaluatedWithContext(
            String flag, String context, String contexts, boolean noContextAtAll) {
        return new ShouldBeEvaluated(
                "%nExpecting flag %s to be evaluated with context " + context + " but its reads had these contexts:%n"
                        + contexts
                        + (noContextAtAll
                                ? "%nNo read passed a context: every caller got the default variant."
                                        + " Pass the evaluation context (the user id, ...) where the flag is read."
                                : ""),
                flag);
    }

    static ErrorMessageFactory shouldHaveServedVariant(String flag, String variant, String served) {
        return new ShouldBeEvaluated(
                "%nExpecting flag %s to be served variant %s but its reads got:%n" + served, flag, variant);
    }
}
