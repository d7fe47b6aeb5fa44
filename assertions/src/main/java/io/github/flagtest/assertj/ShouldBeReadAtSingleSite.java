package io.github.flagtest.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** The failure message of {@link FakeFlagsAssert#evaluatedAtSingleSite(String)}. */
final class ShouldBeReadAtSingleSite extends BasicErrorMessageFactory {

    private ShouldBeReadAtSingleSite(String format, Object... arguments) {
        super(format, arguments);
    }

    static ErrorMessageFactory shouldBeReadAtSingleSite(String flag, int siteCount, String sites, String state) {
        return new ShouldBeReadAtSingleSite(
                "%nExpecting flag %s to be read at a single site (the single point of execution) but it was read at %s"
                        + " sites:%n" + sites + "%nFlag state of this run: %s"
                        + "%nRead the flag in one place and pass the decision on.",
                flag,
                siteCount,
                unquotedString(state));
    }
}
