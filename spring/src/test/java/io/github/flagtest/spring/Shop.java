package io.github.flagtest.spring;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A small application: a flag client bean that needs AWS, an order service and a loyalty service. */
final class Shop {

    private Shop() {}

    /** The application's flag client, as a team wraps AppConfig. */
    interface FeatureFlags {
        boolean isEnabled(String flag);
    }

    /** The production client: without credentials it fails, as the real one does in a test. */
    static final class AppConfigFeatureFlags implements FeatureFlags {
        @Override
        public boolean isEnabled(String flag) {
            throw new IllegalStateException("Unable to load credentials from any of the providers in the chain");
        }
    }

    public static class LoyaltyService {
        public int award(String customer, int points) {
            return points;
        }
    }

    public static class OrderService {
        private final FeatureFlags flags;
        private final LoyaltyService loyalty;

        OrderService(FeatureFlags flags, LoyaltyService loyalty) {
            this.flags = flags;
            this.loyalty = loyalty;
        }

        /** "points+express+wrapped", each part present when its flag is ON. */
        public String place(String customer, int total) {
            StringBuilder result = new StringBuilder();
            if (flags.isEnabled("loyalty-points")) {
                result.append("points=").append(loyalty.award(customer, total / 10));
            }
            if (flags.isEnabled("express-checkout")) {
                result.append("+express");
            }
            if (flags.isEnabled("gift-wrap")) {
                result.append("+wrapped");
            }
            return result.toString();
        }

        /** A bug: awards points whatever the flag says. */
        public int placeUnguarded(String customer, int total) {
            return loyalty.award(customer, total / 10);
        }
    }

    @Configuration
    static class ShopConfig {

        static final AtomicInteger STARTS = new AtomicInteger();

        ShopConfig() {
            STARTS.incrementAndGet();
        }

        @Bean
        FeatureFlags featureFlags() {
            return new AppConfigFeatureFlags();
        }

        @Bean
        LoyaltyService loyaltyService() {
            return new LoyaltyService();
        }

        @Bean
        OrderService orderService(FeatureFlags flags, LoyaltyService loyalty) {
            return new OrderService(flags, loyalty);
        }
    }
}
