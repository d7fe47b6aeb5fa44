package io.github.flagtest.junit.context;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Names tests, classes and fields the way flagtest's messages show them: {@code OrderTest.places()}.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class Describe {

    private Describe() {}

    public static String type(Class<?> type) {
        String name = type.getName();
        int dot = name.lastIndexOf('.');
        return name.substring(dot + 1).replace('$', '.');
    }

    public static String method(Method method) {
        return type(method.getDeclaringClass()) + "." + method.getName() + "()";
    }

    public static String field(Field field) {
        return type(field.getDeclaringClass()) + "." + field.getName();
    }

    public static String test(ExtensionContext context) {
        return context.getTestMethod()
                .map(Describe::method)
                .orElseGet(() -> context.getTestClass().map(Describe::type).orElse(context.getDisplayName()));
    }
}
