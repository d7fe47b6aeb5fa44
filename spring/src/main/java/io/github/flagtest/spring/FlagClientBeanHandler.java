package io.github.flagtest.spring;

import io.github.flagtest.junit.FlagTest;
import java.lang.reflect.Field;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.core.ResolvableType;
import org.springframework.test.context.bean.override.BeanOverrideHandler;
import org.springframework.test.context.bean.override.BeanOverrideStrategy;

/**
 * One {@link FlagClientBean} field: replaces (or creates) the bean with a flag client of the field's
 * type. Equal handlers (same type, name and qualifiers) give equal context keys, so test classes
 * that declare the same field share one cached context.
 */
final class FlagClientBeanHandler extends BeanOverrideHandler {

    FlagClientBeanHandler(Field field, ResolvableType type, String name) {
        super(field, type, name, BeanOverrideStrategy.REPLACE_OR_CREATE);
    }

    @Override
    protected Object createOverrideInstance(
            String beanName, BeanDefinition existingBeanDefinition, Object existingBeanInstance) {
        return FlagTest.flagClient(getBeanType().toClass());
    }
}
