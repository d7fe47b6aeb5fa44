package io.github.flagtest.assertj;

import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Collects flag assertion failures and reports them together.
 *
 * <pre>{@code
 * FlagSoftAssertions softly = new FlagSoftAssertions();
 * softly.assertThatFeature("loyalty-points").wasInvoked();
 * softly.assertThat(flags).evaluatedAtSingleSite("loyalty-points");
 * softly.assertAll();
 * // or: SoftAssertionsProvider.assertSoftly(FlagSoftAssertions.class, softly -> { ... });
 * }</pre>
 *
 * @since 0.1.0
 */
public class FlagSoftAssertions extends AbstractSoftAssertions implements FlagSoftAssertionsProvider {

    /** Creates an empty collector. */
    public FlagSoftAssertions() {}
}
