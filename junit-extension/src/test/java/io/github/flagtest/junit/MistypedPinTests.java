package io.github.flagtest.junit;

import static io.github.flagtest.junit.FlagTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.core.FakeFlags;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A real AWS sample adopted from the README: the test pinned one name, the code read another. */
@DisplayName("a pin the code never read")
class MistypedPinTests {

    @Test
    @DisplayName("fails the test naming both when the code read an undeclared flag of a close name")
    void typo() {
        EngineExecutionResults results = run(TypoFixture.class);

        assertThat(results.testEvents().failed().list())
                .extracting(FlagTestKit::message)
                .containsExactlyInAnyOrder(
                        "MistypedPinTests.TypoFixture.plural(): pinned 'bucket-creation-date' was never read; the code"
                                + " read 'bucket-creation-dates', which no @WithFlag declares, so it answered OFF. Fix"
                                + " the name in @WithFlag or in the code so that both name the same flag",
                        "MistypedPinTests.TypoFixture.underscore(): pinned 'loyalty-points' was never read; the code"
                                + " read 'loyalty_points', which no @WithFlag declares, so it answered OFF. Fix the name"
                                + " in @WithFlag or in the code so that both name the same flag");
    }

    @Test
    @DisplayName("stays green for a pin the code had no need to read, and for a stranger's name")
    void legitimate() {
        run(LegitimateFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2));
    }

    static class TypoFixture {
        @Test
        @WithFlag(name = "bucket-creation-date", enabled = true)
        void plural(FakeFlags flags) {
            flags.isEnabled("bucket-creation-dates");
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        void underscore(FakeFlags flags) {
            flags.isEnabled("loyalty_points");
        }
    }

    static class LegitimateFixture {
        @Test
        @WithFlag(name = "express", enabled = false)
        @WithFlag(name = "express-fee", enabled = true)
        void shortCircuit(FakeFlags flags) {
            boolean fee = flags.isEnabled("express") && flags.isEnabled("express-fee"); // fee never read
            assertThat(fee).isFalse();
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        void stranger(FakeFlags flags) {
            flags.isEnabled("free-shipping"); // undeclared, but no typo of the pin
        }
    }
}
