package io.github.flagtest.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Names tests, classes and fields the way flagtest's messages show them: {@code OrderTest.places()}. */
final class Describe {

    private Describe() {}

    static String type(Class<?> type) {
        String name = type.getName();
        int dot = name.lastIndexOf('.');
        return name.substring(dot + 1).replace('$', '.');
    }

    static String method(Method method) {
        return type(method.getDeclaringClass()) + "." + method.getName() + "()";
    }

    static String field(Field field) {
        return type(field.getDeclaringClass()) + "." + field.getName();
    }

    static String test(ExtensionContext context) {
        return context.getTestMethod()
                .map(Describe::method)
                .orElseGet(() -> context.getTestClass().map(Describe::type).orElse(context.getDisplayName()));
    }
}
