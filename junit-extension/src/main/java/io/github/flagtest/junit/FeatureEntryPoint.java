package io.github.flagtest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks the entry point of a feature: after every test, any call to it while its flag was OFF
 * fails the test, listing each call with its arguments and the caller's file:line.
 *
 * <p>On a field or parameter, the entry point is the mock or spy it holds:
 *
 * <pre>{@code
 * @FeatureEntryPoint("loyalty-points")
 * LoyaltyService loyalty;          // null: flagtest fills in a mock (interface) or spy (class)
 *
 * @FeatureEntryPoint(value = "free-shipping", methods = "apply", expectWhenEnabled = true)
 * ShippingService shipping = spy(new ShippingService(rates));
 * }</pre>
 *
 * <p>On a test class or method, with {@link #type}, the entry point is a type the code under test
 * uses however it gets it: instances it constructs itself (in any thread), subclasses, static
 * methods. Real constructors and methods run; flagtest only watches the calls.
 *
 * <pre>{@code
 * @FeatureEntryPoint(value = "loyalty-points", type = LoyaltyLedger.class, methods = "award")
 * class CheckoutHandlerTest { ... }
 * }</pre>
 *
 * <p>Each call is judged by the flag state at the time of the call, so flips mid-test count. A
 * field is read again after the test, so a mock assigned in {@code @BeforeEach} is the one checked.
 * A call made by a thread of another running test is not counted; one made by a thread that
 * belongs to no test (started before the test, not wrapped with {@link FlagTest#propagate}) counts
 * for every test running at the time. Misuse (a field holding neither a mock nor a spy, a missing
 * method, a JDK type, a native method, a type that is also a field entry point of the same test)
 * fails the test with an {@link org.junit.jupiter.api.extension.ExtensionConfigurationException}.
 *
 * @since 0.1.0
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(FeatureEntryPoints.class)
@ExtendWith(FlagExtension.class)
public @interface FeatureEntryPoint {

    /**
     * The flag that guards the feature.
     *
     * @return the flag name
     */
    String value();

    /**
     * The names of the methods that count as the entry point; all non-private methods when empty.
     *
     * @return the method names
     */
    String[] methods() default {};

    /**
     * Also fail a run with the flag ON in which the entry point was never called.
     *
     * @return whether a run with the flag ON must call the entry point
     */
    boolean expectWhenEnabled() default false;

    /**
     * On a test class or method: the type whose calls are the entry point (required there). On a
     * field or parameter the declared type is the entry point, so leave it unset.
     *
     * @return the entry point's type on a class or method
     * @since 0.1.0
     */
    Class<?> type() default void.class;
}
