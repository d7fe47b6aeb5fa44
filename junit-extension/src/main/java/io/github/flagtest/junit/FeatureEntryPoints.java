package io.github.flagtest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Holds repeated {@link FeatureEntryPoint} annotations on a test class or method; the compiler
 * writes it, so you do not.
 *
 * @since 0.1.0
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(FlagExtension.class)
public @interface FeatureEntryPoints {

    /**
     * The repeated annotations.
     *
     * @return the annotations
     */
    FeatureEntryPoint[] value();
}
