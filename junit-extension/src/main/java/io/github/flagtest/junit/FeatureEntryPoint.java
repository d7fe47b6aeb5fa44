package io.github.flagtest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks the entry point of a feature: after every test, any call to it while its flag was OFF
 * fails the test, listing each call with its arguments and the caller's file:line.
 *
 * <pre>{@code
 * @FeatureEntryPoint("loyalty-points")
 * LoyaltyService loyalty;          // null: flagtest fills in a mock (interface) or spy (class)
 *
 * @FeatureEntryPoint(value = "free-shipping", methods = "apply", expectWhenEnabled = true)
 * ShippingService shipping = spy(new ShippingService(rates));
 * }</pre>
 *
 * <p>Each call is judged by the flag state at the time of the call, so flips mid-test count. The
 * field is read again after the test, so a mock assigned in {@code @BeforeEach} is the one checked.
 * On a field holding something other than a mock, a spy or null, the test fails with an
 * {@link org.junit.jupiter.api.extension.ExtensionConfigurationException}.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@ExtendWith(FlagExtension.class)
public @interface FeatureEntryPoint {

    /** The flag that guards the feature. */
    String value();

    /** The names of the methods that count as the entry point; all methods when empty. */
    String[] methods() default {};

    /** Also fail a run with the flag ON in which the entry point was never called. */
    boolean expectWhenEnabled() default false;
}
