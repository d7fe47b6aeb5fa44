package io.github.flagtest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FakeFlagsTest {

    private final FakeFlags flags =
            new FakeFlags(FlagState.of(Map.of("loyalty", true, "checkout", "B", "limit", "25")));

    @Nested
    @DisplayName("multi-variant flags")
    class Targeting {

        // the example of AWS's "Creating a multi-variant feature flag" page: beta users by e-mail domain
        private final Variants checkout = Variants.of(List.of(
                new Variants.Variant(
                        "BetaUsers", true, java.util.Optional.of("(ends_with $email \"@example.com\")"), Map.of()),
                new Variants.Variant("Default", false, java.util.Optional.empty(), Map.of())));
        private final FakeFlags flags = new FakeFlags(FlagState.of(Map.of("checkout", checkout)));

        @Test
        @DisplayName("a read with a context gets the first variant whose rule matches, and records it")
        void ruleMatches() {
            assertThat(flags.isEnabled("checkout", Map.of("email", "ana@example.com")))
                    .isTrue();
            assertThat(flags.value("checkout", String.class, "none", Map.of("email", "ana@example.com")))
                    .isEqualTo("BetaUsers");
            assertThat(flags.evaluations()).extracting(Evaluation::variant).containsExactly("BetaUsers", "BetaUsers");
        }

        @Test
        @DisplayName("a read without a context, or whose context no rule matches, gets the default variant")
        void defaultVariant() {
            assertThat(flags.isEnabled("checkout")).isFalse();
            assertThat(flags.isEnabled("checkout", Map.of("email", "bo@other.org")))
                    .isFalse();
            assertThat(flags.value("checkout", String.class, "none")).isEqualTo("false");
            assertThat(flags.evaluations())
                    .extracting(Evaluation::variant, Evaluation::context)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Default", Map.of()),
                            org.assertj.core.groups.Tuple.tuple("Default", Map.of("email", "bo@other.org")),
                            org.assertj.core.groups.Tuple.tuple("Default", Map.of()));
        }

        @Test
        @DisplayName("a variant pinned by name is served whatever the context")
        void pinned() {
            flags.set("checkout", "BetaUsers");

            assertThat(flags.isEnabled("checkout")).isTrue();
            assertThat(flags.isEnabled("checkout", Map.of("email", "bo@other.org")))
                    .isTrue();
            assertThat(flags.evaluations()).extracting(Evaluation::variant).containsOnly("BetaUsers");
        }

        @Test
        @DisplayName("an on/off flag's reads carry no variant")
        void plainFlag() {
            FakeFlags plain = new FakeFlags(FlagState.of(Map.of("sms", true)));
            plain.isEnabled("sms", Map.of("email", "ana@example.com"));
            assertThat(plain.evaluations().get(0).variant()).isNull();
        }
    }

    @Nested
    @DisplayName("reads")
    class Reads {

        @Test
        @DisplayName("answer from the state and record every read in order with its context")
        void recordsReads() {
            assertThat(flags.isEnabled("loyalty")).isTrue();
            assertThat(flags.isEnabled("checkout", Map.of("user", "u-1"))).isTrue();
            assertThat(flags.value("checkout", String.class, "A")).isEqualTo("B");

            assertThat(flags.evaluations())
                    .extracting(Evaluation::flag, Evaluation::value, Evaluation::context)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("loyalty", true, Map.of()),
                            org.assertj.core.groups.Tuple.tuple("checkout", true, Map.of("user", "u-1")),
                            org.assertj.core.groups.Tuple.tuple("checkout", "B", Map.of()));
            assertThat(flags.evaluations("checkout")).hasSize(2);
            assertThat(flags.evaluations().get(0).thread())
                    .isEqualTo(Thread.currentThread().getName());
        }

        @Test
        @DisplayName("record the caller's line as call site, not a flagtest or JDK frame")
        void callSiteIsTheCaller() {
            int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
            flags.isEnabled("loyalty");

            StackTraceElement site = flags.evaluations().get(0).callSite();
            assertThat(site.getClassName()).isEqualTo(Reads.class.getName());
            assertThat(site.getLineNumber()).isEqualTo(line);
            assertThat(flags.evaluations().get(0).site()).isEqualTo("FakeFlagsTest.java:" + line);
        }

        @Test
        @DisplayName("skip frames of configured prefixes, such as a team's own flag wrapper")
        void skipsConfiguredPrefixes() {
            FakeFlags wrapped = new FakeFlags(FlagState.empty(), List.of(FakeFlagsTest.class.getName() + "$Wrapper"));
            int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
            new Wrapper(wrapped).on("x");

            assertThat(wrapped.evaluations().get(0).callSite().getLineNumber()).isEqualTo(line);
        }

        @Test
        @DisplayName("convert variants to numbers and fail clearly when they cannot")
        void conversions() {
            assertThat(flags.value("limit", Integer.class, 0)).isEqualTo(25);
            assertThat(flags.value("limit", BigDecimal.class, BigDecimal.ONE)).isEqualByComparingTo("25");
            assertThat(flags.value("loyalty", Boolean.class, false)).isTrue();
            assertThat(flags.value("loyalty", String.class, "")).isEqualTo("true");
            assertThatThrownBy(() -> flags.value("checkout", Integer.class, 0))
                    .isInstanceOf(FlagTestException.class)
                    .hasMessageContaining("Flag 'checkout' is B, which cannot be read as Integer");
        }

        @Test
        @DisplayName("time never goes backwards")
        void timeIsMonotonic() {
            for (int i = 0; i < 200; i++) {
                flags.isEnabled("loyalty");
            }
            List<Evaluation> all = flags.evaluations();
            for (int i = 1; i < all.size(); i++) {
                assertThat(all.get(i).time()).isAfterOrEqualTo(all.get(i - 1).time());
            }
        }
    }

    @Nested
    @DisplayName("undeclared flags")
    class Undeclared {

        @Test
        @DisplayName("are OFF, answer the fallback, and are listed once in first-read order")
        void offAndListed() {
            assertThat(flags.isEnabled("zeta")).isFalse();
            assertThat(flags.value("alpha", String.class, "fallback")).isEqualTo("fallback");
            flags.isEnabled("zeta");

            assertThat(flags.undeclaredReads()).containsExactly("zeta", "alpha");
        }

        @Test
        @DisplayName("stop being undeclared once set")
        void setDeclares() {
            flags.set("new", "X");
            assertThat(flags.value("new", String.class, "fallback")).isEqualTo("X");
            assertThat(flags.undeclaredReads()).isEmpty();
        }
    }

    @Nested
    @DisplayName("writes")
    class Writes {

        @Test
        @DisplayName("flip the state for later reads and notify listeners with the new state")
        void flips() {
            List<FlagState> seen = new ArrayList<>();
            flags.onChange(seen::add);

            flags.disable("loyalty");
            assertThat(flags.isEnabled("loyalty")).isFalse();
            flags.enable("loyalty");
            assertThat(flags.isEnabled("loyalty")).isTrue();

            assertThat(seen).extracting(s -> s.isOn("loyalty")).containsExactly(false, true);
            assertThat(flags.evaluations()).extracting(Evaluation::value).containsExactly(false, true);
        }
    }

    @Test
    @DisplayName("is thread-safe: concurrent reads and writes lose no evaluation")
    void threadSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int id = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 1_000; i++) {
                        flags.isEnabled("loyalty");
                        if (i % 100 == 0) {
                            flags.set("t" + id, i % 200 == 0);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(flags.evaluations()).hasSize(8_000);
        assertThat(flags.state().flags()).contains("t0", "t7");
    }

    static final class Wrapper {
        private final FakeFlags flags;

        Wrapper(FakeFlags flags) {
            this.flags = flags;
        }

        boolean on(String flag) {
            return flags.isEnabled(flag);
        }
    }
}
