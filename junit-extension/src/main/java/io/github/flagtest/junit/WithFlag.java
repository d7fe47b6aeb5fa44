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
 * Pins one flag for a test, every test of a class (also {@code @Nested} ones), or every test that
 * carries a composed annotation.
 *
 * <pre>{@code
 * @Test
 * @WithFlag(name = "loyalty-points", enabled = true)
 * @WithFlag(name = "checkout", value = "B")
 * @WithFlag(name = "basket", attributes = {"maxItems=5", "banner=new"})
 * void awardsPoints(FakeFlags flags) { ... }
 *
 * @WithFlag(name = "loyalty-points")          // a team's composed annotation
 * @Retention(RUNTIME) @interface LoyaltyOn {}
 * }</pre>
 *
 * <p>Precedence, strongest first: the {@link FlagMatrix} assignment of the invocation, the method,
 * the innermost class outwards, the {@code flagtest.profile} document, the {@code flagtest.catalog}
 * default, OFF. Two {@code @WithFlag} for one flag with different values at one level, a flag both
 * pinned and listed in a {@code @FlagMatrix}, or a name missing from the catalog fail the test with
 * an {@link org.junit.jupiter.api.extension.ExtensionConfigurationException}.
 *
 * @since 0.1.0
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Repeatable(WithFlag.List.class)
@ExtendWith(FlagExtension.class)
public @interface WithFlag {

    /**
     * The flag name, as the code under test reads it.
     *
     * @return the flag name
     */
    String name();

    /**
     * Whether the flag is ON; ignored when {@link #value()} names a variant.
     *
     * @return whether the flag is ON
     */
    boolean enabled() default true;

    /**
     * The variant of a multi-variant flag (served as {@code {"enabled":true,"_variant":"B"}}).
     *
     * @return the variant name; none when empty
     */
    String value() default "";

    /**
     * Attribute values of the flag, each {@code name=value}: typed by the catalog's declared type
     * (string, number, boolean, array), else read as a JSON literal ({@code 5}, {@code true}, {@code
     * ["eu","us"]}), else taken as a string. They join the attribute values the profile or catalog
     * gives the flag (these win), are checked against the flag's declared constraints, and are
     * served only while the flag is ON, as AppConfig serves them.
     *
     * @return the attribute values, {@code name=value} each
     * @since 0.1.0
     */
    String[] attributes() default {};

    /** Holds repeated {@link WithFlag} annotations. */
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @ExtendWith(FlagExtension.class)
    @interface List {
        /**
         * The repeated annotations.
         *
         * @return the annotations
         */
        WithFlag[] value();
    }
}
