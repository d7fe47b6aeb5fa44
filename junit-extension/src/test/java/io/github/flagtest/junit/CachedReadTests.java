package io.github.flagtest.junit;

import static io.github.flagtest.junit.FlagTestKit.message;
import static io.github.flagtest.junit.FlagTestKit.runMethod;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A function keeps its flags between polls (AWS: a poll before NextPollIntervalInSeconds is
 * refused), so after a kill switch it may run the feature until it reads again: an entry point is
 * judged by what the code last read.
 */
@DisplayName("an entry point judged by what the code read")
class CachedReadTests {

    @Test
    @DisplayName("a call after the flag was turned OFF but before the code read it again is allowed")
    void cachedOn() {
        runMethod(KillSwitchFixture.class, "cachedUntilNextRead").testEvents().assertStatistics(s -> s.succeeded(1));
    }

    @Test
    @DisplayName("a call after the code read OFF fails, showing the state at the call and the last read")
    void readOff() {
        String failure = message(runMethod(KillSwitchFixture.class, "callsAfterReadingOff")
                .testEvents()
                .failed()
                .list()
                .get(0));

        assertThat(failure)
                .contains("expected no call while 'loyalty-points' was OFF, but there was 1:")
                .contains("while loyalty-points=OFF (the code last read it OFF)")
                .contains("Flags this run started with: [loyalty-points=ON]")
                .doesNotContain("Flag state of this run");
    }

    /** Reads its flag once per "poll" and keeps the answer, as a function between polls. */
    static final class CachingOrders {
        private final FlagReader flags;
        private final LoyaltyService loyalty;
        private boolean loyaltyOn;

        CachingOrders(FlagReader flags, LoyaltyService loyalty) {
            this.flags = flags;
            this.loyalty = loyalty;
        }

        void poll() {
            loyaltyOn = flags.isEnabled("loyalty-points");
        }

        void place(String customer) {
            if (loyaltyOn) {
                loyalty.award(customer);
            }
        }

        void placeUnguarded(String customer) {
            loyalty.award(customer);
        }
    }

    public interface LoyaltyService {
        void award(String customer);
    }

    @WithFlag(name = "loyalty-points", enabled = true)
    static class KillSwitchFixture {

        @FeatureEntryPoint("loyalty-points")
        LoyaltyService loyalty;

        @Test
        void cachedUntilNextRead(FakeFlags flags) {
            CachingOrders orders = new CachingOrders(flags, loyalty);
            orders.poll();
            flags.disable("loyalty-points"); // the kill switch
            orders.place("c-1"); // still the cached ON: allowed
            orders.poll();
            orders.place("c-2"); // now OFF: not called
        }

        @Test
        void callsAfterReadingOff(FakeFlags flags) {
            CachingOrders orders = new CachingOrders(flags, loyalty);
            flags.disable("loyalty-points");
            orders.poll();
            orders.placeUnguarded("c-1");
        }
    }
}
