package io.github.flagtest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs a test once per flag combination. On a method it is a test template (no {@code @Test}
 * needed); on a class it is a class template: every {@code @Test}, {@code @ParameterizedTest} and
 * {@code @RepeatedTest} of the class runs under each combination.
 *
 * <pre>{@code
 * @FlagMatrix({"loyalty-points", "free-shipping"})
 * void placesAnOrder(FlagState state) { ... }   // 4 runs: [loyalty-points=OFF, free-shipping=OFF], ...
 *
 * @FlagMatrix(value = {"a", "b", "c", "checkout=A|B|C"}, strategy = FlagMatrix.Strategy.PAIRWISE)
 * class CheckoutTest { ... }
 * }</pre>
 *
 * <p>A plain entry is an on/off flag (runs OFF, then ON); {@code "name=A|B|C"} is a multi-variant
 * flag; {@code "name=*"} runs every variant the profile or catalog gives the flag in its {@code
 * _variants}, the default first. A variant of such a flag is served whatever the context, with its
 * own {@code enabled} state. Runs are deterministic. A class-level and a method-level matrix multiply. Errors (as
 * {@link org.junit.jupiter.api.extension.ExtensionConfigurationException}): an empty matrix, a
 * flag listed twice or also pinned by {@link WithFlag}, {@code @ParameterizedTest} on the same
 * method (put the matrix on the class instead), more than 10 flags with {@code ALL_COMBINATIONS}.
 *
 * <p>Versions: on a method it works on JUnit Jupiter 5.10 and later. On a class it is JUnit's
 * {@code @ParameterizedClass}, so it needs JUnit 5.13 or later and {@code junit-jupiter-params}
 * (part of {@code junit-jupiter}); on an older JUnit the class fails with a message naming the
 * version found and the fix. A class-level matrix cannot be combined with another
 * {@code @ParameterizedClass} on the same class.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@TestTemplate
// On a class: JUnit 5.13+ runs it as a class template. An older JUnit lacks ParameterizedClass, and
// Java then drops that meta-annotation silently: FlagExtension names the missing version instead.
@ParameterizedClass(name = "{argumentSetName}")
@ArgumentsSource(ClassMatrixArguments.class)
@ExtendWith(FlagExtension.class)
public @interface FlagMatrix {

    /**
     * The flags: {@code "name"} for on/off, {@code "name=A|B|C"} for variants.
     *
     * @return the matrix's flags
     */
    String[] value() default {};

    /**
     * How the combinations are chosen; {@link Strategy#ALL_COMBINATIONS} by default.
     *
     * @return the strategy
     */
    Strategy strategy() default Strategy.ALL_COMBINATIONS;

    /** How a {@link FlagMatrix} chooses its runs. */
    enum Strategy {
        /** Every combination (at most 10 flags): 2^n runs for n on/off flags. */
        ALL_COMBINATIONS,
        /**
         * Every pair of states of every two flags, in the fewest runs: optimal for on/off flags (6
         * runs for 5 to 10 flags, 10 runs for 126), greedy (IPOG) with variants.
         */
        PAIRWISE,
        /** A baseline with every flag OFF (or its first variant), then each flag ON alone. */
        ONE_AT_A_TIME
    }
}
