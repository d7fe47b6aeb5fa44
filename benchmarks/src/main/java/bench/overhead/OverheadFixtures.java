package bench.overhead;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.FlagClient;
import io.github.flagtest.junit.FlagMatrix;
import io.github.flagtest.junit.WithFlag;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same handler test written twice: by hand with Mockito, and with flagtest's annotations. Outside
 * {@code io.github.flagtest}, like a user's code: flagtest's call-site walk skips its own packages.
 */
public final class OverheadFixtures {

    public static final int TESTS = 2_000;
    public static final int MATRIX_RUNS = 1_024;

    static final String[] FLAGS = {"f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9"};

    private OverheadFixtures() {}

    public interface Features {
        boolean isEnabled(String flag);
    }

    public interface Loyalty {
        long award(String customer, long points);
    }

    static final class Handler {
        private final Features features;
        private final Loyalty loyalty;

        Handler(Features features, Loyalty loyalty) {
            this.features = features;
            this.loyalty = loyalty;
        }

        long handle(String customer, long cents) {
            long points = 0;
            if (features.isEnabled("loyalty-points")) {
                points = loyalty.award(customer, cents / 100);
            }
            return cents + points;
        }
    }

    /** (a) plain Mockito: stub the flag, verify(never()) by hand. */
    public static class Plain {
        Features features;
        Loyalty loyalty;

        @BeforeEach
        void setUp() {
            features = mock(Features.class);
            loyalty = mock(Loyalty.class);
            when(features.isEnabled("loyalty-points")).thenReturn(false);
        }

        @RepeatedTest(TESTS)
        void handles() {
            new Handler(features, loyalty).handle("c-1", 12_000);
            verify(loyalty, never()).award(anyString(), anyLong());
        }
    }

    /** (b) flagtest: the flag pinned, the client faked, the entry point checked after each test. */
    @WithFlag(name = "loyalty-points", enabled = false)
    public static class Flagtest {
        @FlagClient
        Features features;

        @FeatureEntryPoint("loyalty-points")
        Loyalty loyalty;

        @RepeatedTest(TESTS)
        void handles() {
            new Handler(features, loyalty).handle("c-1", 12_000);
        }
    }

    /** The production ledger a handler builds itself. */
    public static class Ledger {
        public long award(String customer, long points) {
            return points;
        }
    }

    /** A handler as real Lambdas are written: it builds its ledger itself, so no field can hold a mock. */
    static final class BuildingHandler {
        private final Features features;

        BuildingHandler(Features features) {
            this.features = features;
        }

        long handle(String customer, long cents) {
            long points = 0;
            if (features.isEnabled("loyalty-points")) {
                points = new Ledger().award(customer, cents / 100);
            }
            return cents + points;
        }
    }

    /** (e) flagtest with the entry point declared by type: instrumented, no mock. */
    @WithFlag(name = "loyalty-points", enabled = false)
    @FeatureEntryPoint(value = "loyalty-points", type = Ledger.class, methods = "award")
    public static class TypeLevel {
        @FlagClient
        Features features;

        @RepeatedTest(TESTS)
        void handles() {
            new BuildingHandler(features).handle("c-1", 12_000);
        }
    }

    /** (c) a 1,024-run flag matrix whose test reads its ten flags. */
    public static class Matrix {
        @FlagMatrix({"f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9"})
        void run(FakeFlags flags) {
            for (String flag : FLAGS) {
                flags.isEnabled(flag);
            }
        }
    }

    /** (d) the same number of plain parameterized invocations, reading ten flags from a map. */
    public static class Parameterized {
        static Stream<Map<String, Boolean>> values() {
            return IntStream.range(0, MATRIX_RUNS).mapToObj(run -> {
                Map<String, Boolean> flags = new HashMap<>();
                for (int i = 0; i < FLAGS.length; i++) {
                    flags.put(FLAGS[i], (run >> i & 1) == 1);
                }
                return flags;
            });
        }

        @ParameterizedTest
        @MethodSource("values")
        void run(Map<String, Boolean> flags) {
            for (String flag : FLAGS) {
                flags.get(flag);
            }
        }
    }
}
