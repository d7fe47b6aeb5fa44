package io.github.flagtest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fills a field or parameter of any flag-client type (a team's own {@code Features} wrapper, an
 * OpenFeature {@code Client}, a vendor SDK) with a Mockito mock that answers its flag-reading
 * methods from the test's flag state and records every read.
 *
 * <pre>{@code
 * @FlagClient Features features;            // features.isOn("loyalty-points") follows @WithFlag
 * }</pre>
 *
 * <p>A flag-reading method takes the flag name as its first {@code String} argument and returns
 * boolean/Boolean (ON/OFF), String (the variant) or a number (a numeric variant). A further argument
 * of the return type is the default for undeclared flags; a {@code Map} argument is recorded as the
 * evaluation context. A method whose name contains {@code attribute} ({@code attribute}, {@code
 * getAttribute}, {@code attributeValue}) reads attribute values: its second String argument names
 * the attribute ({@code int max = features.attribute("checkout", "maxItems", 10)}), and without one
 * a {@code Map} return type gets all of them; an OFF flag's attribute answers the default, as
 * AppConfig serves a disabled flag without attributes. Every other method keeps Mockito's defaults
 * and can be stubbed as usual. The
 * field must be null; flagtest sets it before {@code @BeforeEach} and clears it after the test.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@ExtendWith(FlagExtension.class)
public @interface FlagClient {}
