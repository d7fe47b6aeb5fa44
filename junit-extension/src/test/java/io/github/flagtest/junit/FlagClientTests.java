package io.github.flagtest.junit;

import static io.github.flagtest.junit.FlagTestKit.message;
import static io.github.flagtest.junit.FlagTestKit.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import io.github.flagtest.core.Evaluation;
import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("@FlagClient")
class FlagClientTests {

    @Test
    @DisplayName(
            "answers a team's own client from the flag state, records reads at the business line, keeps other methods mockable")
    void answersAndRecords() {
        run(ClientFixture.class).testEvents().assertStatistics(s -> s.started(4).succeeded(4));
    }

    @Test
    @DisplayName("fails a field that already holds a value that is no Mockito mock")
    void fieldMustBeNullOrAMock() {
        assertThat(message(
                        run(AssignedFixture.class).testEvents().failed().list().get(0)))
                .startsWith("@FlagClient on field FlagClientTests.AssignedFixture.features: the field already holds")
                .endsWith("; leave it null, flagtest creates the flag client mock");
    }

    @Test
    @DisplayName("FlagTest.flagClient: one client answers from whichever test runs, reads recorded at the caller "
            + "past the mocked class's own frame; outside a test, the caller's default")
    void clientOfTheRunningTest() {
        run(RunningTestClientFixture.class)
                .testEvents()
                .assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(RunningTestClientFixture.VENDOR.boolVariation("loyalty-points", true))
                .isTrue();
        assertThat(RunningTestClientFixture.VENDOR.boolVariation("loyalty-points", false))
                .isFalse();
    }

    @Nested
    @DisplayName("on a field a framework already filled with a Mockito mock (@MockitoBean, @InjectMock, @MockBean)")
    class FrameworkMocks {

        @Test
        @DisplayName("programs that mock, so the bean the code under test holds answers from the pins and matrix runs")
        void programsTheFrameworksMock() {
            run(FrameworkMockFixture.class)
                    .testEvents()
                    .assertStatistics(s -> s.started(5).succeeded(5));
        }

        @Test
        @DisplayName("fails a test that pins flags, read none and never called its flag client, naming the bean")
        void failsWhenTheCodeHoldsAnotherInstance() {
            var failed = run(OtherInstanceFixture.class).testEvents().failed().list();
            assertThat(failed).hasSize(1);
            assertThat(message(failed.get(0)))
                    .startsWith("@FlagClient on field FlagClientTests.OtherInstanceFixture.features: the test pins "
                            + "flags ([loyalty-points=ON]) but read no flag")
                    .contains("the code under test holds another Features instance (a framework's bean?)")
                    .contains("@MockitoBean @FlagClient (Spring)")
                    .contains("@InjectMock @FlagClient (Quarkus)");
        }
    }

    /** A team's own wrapper around its flag SDK. */
    public interface Features {
        boolean isOn(String flag);

        boolean isOn(String flag, Map<String, Object> context);

        String variant(String flag, String fallback);

        int limit(String flag, int fallback);

        List<String> owners();
    }

    /** A concrete vendor-like client: with the inline mock maker its own frames are on the stack. */
    public static class VendorClient {
        public boolean boolVariation(String key, boolean fallback) {
            throw new UnsupportedOperationException("network");
        }
    }

    static final class Checkout {
        private final Features features;

        Checkout(Features features) {
            this.features = features;
        }

        String template() {
            return features.variant("email-template", "classic");
        }

        boolean loyalty() {
            return features.isOn("loyalty-points");
        }

        boolean on(String flag) {
            return features.isOn(flag);
        }
    }

    @WithFlag(name = "loyalty-points", enabled = true)
    @WithFlag(name = "email-template", value = "rich")
    @WithFlag(name = "batch-size", value = "25")
    static class ClientFixture {

        @FlagClient
        Features features;

        @Test
        void answersFromState(FakeFlags flags) {
            assertThat(features.isOn("loyalty-points")).isTrue();
            assertThat(features.isOn("loyalty-points", Map.of("user", "u-1"))).isTrue();
            assertThat(features.variant("email-template", "classic")).isEqualTo("rich");
            assertThat(features.limit("batch-size", 10)).isEqualTo(25);
            assertThat(flags.evaluations()).hasSize(4);
            assertThat(flags.evaluations().get(1).context()).isEqualTo(Map.of("user", "u-1"));
        }

        @Test
        void undeclaredAnswersTheDefault(FakeFlags flags) {
            assertThat(features.isOn("unknown")).isFalse();
            assertThat(features.variant("unknown", "classic")).isEqualTo("classic");
            assertThat(features.limit("unknown", 10)).isEqualTo(10);
            assertThat(flags.undeclaredReads()).containsExactly("unknown");
        }

        @Test
        void callSiteIsBusinessCode(FakeFlags flags, @FlagClient VendorClient vendor) {
            new Checkout(features).loyalty();
            assertThat(vendor.boolVariation("loyalty-points", false)).isTrue();

            List<Evaluation> reads = flags.evaluations();
            assertThat(reads.get(0).callSite().getClassName()).isEqualTo(Checkout.class.getName());
            assertThat(reads.get(0).callSite().getMethodName()).isEqualTo("loyalty");
            assertThat(reads.get(1).callSite().getClassName()).isEqualTo(ClientFixture.class.getName());
        }

        @Test
        void otherMethodsKeepMockitoDefaultsAndCanBeStubbed() {
            assertThat(features.owners()).isEmpty();
            when(features.owners()).thenReturn(List.of("team-a"));
            assertThat(features.owners()).containsExactly("team-a");
        }
    }

    /** Stands in for a framework's injection: the field holds a mock the code under test also holds. */
    @WithFlag(name = "loyalty-points", enabled = true)
    @WithFlag(name = "email-template", value = "rich")
    static class FrameworkMockFixture {

        @FlagClient
        Features features = org.mockito.Mockito.mock(Features.class);

        final Checkout bean = new Checkout(features);

        @Test
        void answersThroughTheBean(FakeFlags flags) {
            assertThat(bean.loyalty()).isTrue();
            assertThat(bean.template()).isEqualTo("rich");
            assertThat(flags.evaluations().get(0).callSite().getClassName()).isEqualTo(Checkout.class.getName());
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = false)
        void followsTheTestsPins() {
            assertThat(bean.loyalty()).isFalse();
        }

        @Test
        void laterStubbingsWinAndOtherMethodsKeepDefaults() {
            when(features.variant("email-template", "classic")).thenReturn("stubbed");
            assertThat(bean.template()).isEqualTo("stubbed");
            assertThat(features.owners()).isEmpty();
        }

        @FlagMatrix("express")
        void matrix(FlagState state) {
            assertThat(bean.on("express")).isEqualTo(state.isOn("express"));
        }
    }

    /** One client for every test, as a cached framework context holds it. */
    static class RunningTestClientFixture {

        static final VendorClient VENDOR = FlagTest.flagClient(VendorClient.class);

        @Test
        @WithFlag(name = "loyalty-points", enabled = true)
        void on(FakeFlags flags) {
            int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
            assertThat(VENDOR.boolVariation("loyalty-points", false)).isTrue();
            assertThat(flags.evaluations().get(0).callSite().getClassName())
                    .isEqualTo(RunningTestClientFixture.class.getName());
            assertThat(flags.evaluations().get(0).callSite().getLineNumber()).isEqualTo(line);
        }

        @Test
        @WithFlag(name = "loyalty-points", enabled = false)
        void off() {
            assertThat(VENDOR.boolVariation("loyalty-points", true)).isFalse();
        }
    }

    @WithFlag(name = "loyalty-points", enabled = true)
    static class OtherInstanceFixture {

        @FlagClient
        Features features = org.mockito.Mockito.mock(Features.class);

        /** The framework's real client: another instance than the field's. */
        final Checkout bean = new Checkout(org.mockito.Mockito.mock(Features.class));

        @Test
        void readsThroughAnotherInstance() {
            bean.loyalty();
        }
    }

    static class AssignedFixture {
        @FlagClient
        Features features = new Features() {
            @Override
            public boolean isOn(String flag) {
                return false;
            }

            @Override
            public boolean isOn(String flag, Map<String, Object> context) {
                return false;
            }

            @Override
            public String variant(String flag, String fallback) {
                return fallback;
            }

            @Override
            public int limit(String flag, int fallback) {
                return fallback;
            }

            @Override
            public List<String> owners() {
                return List.of();
            }
        };

        @Test
        @WithFlag(name = "x")
        void test() {}
    }
}
