package io.github.flagtest.e2e;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a known "missed mocked case": this E2E test is expected to fail in the run where {@code
 * flag} is ON. Such a failure is reported in the summary and aborts the test (skipped) instead of
 * failing the build; a pass in that run is reported too, so the annotation can be removed.
 *
 * <pre>{@code
 * @Test
 * @ExpectedMiss(flag = "free-shipping", reason = "unit tests do not cover free shipping on refunds yet, see #42")
 * void refundsAnOrder(DeployedFunction orders) { ... }
 * }</pre>
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(ExpectedMiss.List.class)
public @interface ExpectedMiss {

    /**
     * The flag whose ON run is expected to fail.
     *
     * @return the flag name
     */
    String flag();

    /**
     * Why, and where the missing unit test is tracked.
     *
     * @return the reason
     */
    String reason();

    /** Holds repeated {@link ExpectedMiss} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @interface List {
        /**
         * The repeated annotations.
         *
         * @return the annotations
         */
        ExpectedMiss[] value();
    }
}
