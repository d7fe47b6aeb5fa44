package bench.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.spring.FlagClientBean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The same 8 flag states tested in a Spring context: with plain {@code @MockitoBean}, and with flagtest. */
public final class SpringFixtures {

    public static final int RUNS = 8;

    private SpringFixtures() {}

    public interface FeatureFlags {
        boolean isEnabled(String flag);
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

        public String place(String customer, int total) {
            String result = flags.isEnabled("loyalty-points") ? "points=" + loyalty.award(customer, total / 10) : "";
            result += flags.isEnabled("express-checkout") ? "+express" : "";
            return result + (flags.isEnabled("gift-wrap") ? "+wrapped" : "");
        }
    }

    @Configuration
    public static class Shop {
        @Bean
        FeatureFlags featureFlags() {
            return flag -> {
                throw new IllegalStateException("no AWS in a test");
            };
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

    static String expected(boolean loyalty, boolean express, boolean wrap) {
        return (loyalty ? "points=12" : "") + (express ? "+express" : "") + (wrap ? "+wrapped" : "");
    }

    /** (a) plain Mockito: each run stubs the three flags. */
    @SpringJUnitConfig(Shop.class)
    public static class PlainMockitoBean {
        @MockitoBean
        FeatureFlags flags;

        @Autowired
        OrderService orders;

        static Stream<int[]> states() {
            return IntStream.range(0, RUNS).mapToObj(i -> new int[] {i & 1, (i >> 1) & 1, (i >> 2) & 1});
        }

        @ParameterizedTest
        @MethodSource("states")
        void everyState(int[] state) {
            when(flags.isEnabled("loyalty-points")).thenReturn(state[0] == 1);
            when(flags.isEnabled("express-checkout")).thenReturn(state[1] == 1);
            when(flags.isEnabled("gift-wrap")).thenReturn(state[2] == 1);
            assertThat(orders.place("c-1", 120)).isEqualTo(expected(state[0] == 1, state[1] == 1, state[2] == 1));
        }
    }

    /** (b) flagtest: one flag client bean, a matrix over the three flags. */
    @SpringJUnitConfig(Shop.class)
    public static class FlagClientBeanMatrix {
        @FlagClientBean
        FeatureFlags flags;

        @Autowired
        OrderService orders;

        @FlagMatrix({"loyalty-points", "express-checkout", "gift-wrap"})
        void everyState(FlagState state) {
            assertThat(orders.place("c-1", 120))
                    .isEqualTo(expected(
                            state.isOn("loyalty-points"), state.isOn("express-checkout"), state.isOn("gift-wrap")));
        }
    }
}
