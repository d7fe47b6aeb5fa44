package io.github.flagtest.spring;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import org.springframework.core.ResolvableType;
import org.springframework.test.context.bean.override.BeanOverrideHandler;
import org.springframework.test.context.bean.override.BeanOverrideProcessor;

/** Turns a {@link FlagClientBean} field into its bean override; Spring creates it. */
final class FlagClientBeanProcessor implements BeanOverrideProcessor {

    FlagClientBeanProcessor() {}

    @Override
    public BeanOverrideHandler createHandler(Annotation annotation, Class<?> testClass, Field field) {
        if (!(annotation instanceof FlagClientBean bean)) {
            throw new IllegalStateException("@FlagClientBean processor called for " + annotation);
        }
        if (field.getType().isPrimitive() || field.getType().isArray()) {
            throw new IllegalStateException("@FlagClientBean on field " + testClass.getSimpleName() + "."
                    + field.getName() + ": " + field.getType().getTypeName()
                    + " is no flag client type; declare the field with your flag client's type");
        }
        String name = bean.name().isBlank() ? null : bean.name();
        return new FlagClientBeanHandler(field, ResolvableType.forField(field, testClass), name);
    }
}
