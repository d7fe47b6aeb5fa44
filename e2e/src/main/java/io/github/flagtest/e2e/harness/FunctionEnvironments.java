package io.github.flagtest.e2e.harness;

import io.github.flagtest.e2e.FunctionEnvironment;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/** The {@link FunctionEnvironment} methods of an E2E class: found and checked early, called once, later. */
final class FunctionEnvironments {

    private final Class<?> testClass;
    private final List<Method> methods;

    private FunctionEnvironments(Class<?> testClass, List<Method> methods) {
        this.testClass = testClass;
        this.methods = methods;
    }

    /** The class's methods (superclasses' first), each checked: static, no parameters, returns a Map. */
    static FunctionEnvironments of(Class<?> testClass) {
        List<Method> methods = AnnotationSupport.findAnnotatedMethods(
                testClass, FunctionEnvironment.class, HierarchyTraversalMode.TOP_DOWN);
        for (Method method : methods) {
            if (!Modifier.isStatic(method.getModifiers())
                    || method.getParameterCount() > 0
                    || !Map.class.isAssignableFrom(method.getReturnType())) {
                throw new ExtensionConfigurationException("@FunctionEnvironment on " + name(method)
                        + ": the method must be static, take no parameters and return Map<String, String>");
            }
        }
        return new FunctionEnvironments(testClass, methods);
    }

    boolean isEmpty() {
        return methods.isEmpty();
    }

    /**
     * Calls the methods and merges their entries; a key that {@code @LambdaE2E(environment)} also
     * sets, or that two methods set, is an error naming both places.
     */
    Map<String, String> call(Map<String, String> declared) {
        Map<String, String> merged = new LinkedHashMap<>();
        Map<String, Method> setBy = new LinkedHashMap<>();
        for (Method method : methods) {
            Object returned = ReflectionSupport.invokeMethod(method, null);
            if (returned == null) {
                throw new ExtensionConfigurationException(
                        "@FunctionEnvironment on " + name(method) + " returned null; return a Map (empty for none)");
            }
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) returned).entrySet()) {
                if (!(entry.getKey() instanceof String key) || !(entry.getValue() instanceof String value)) {
                    throw new ExtensionConfigurationException("@FunctionEnvironment on " + name(method)
                            + " returned the entry " + entry + "; keys and values must be non-null Strings");
                }
                if (declared.containsKey(key)) {
                    throw new ExtensionConfigurationException("The function's environment variable " + key
                            + " is set twice: by @LambdaE2E(environment = \"" + key + "=" + declared.get(key)
                            + "\") on " + testClass.getSimpleName() + " and by @FunctionEnvironment on "
                            + name(method) + "; keep one of them");
                }
                if (setBy.containsKey(key)) {
                    throw new ExtensionConfigurationException("The function's environment variable " + key
                            + " is set twice: by @FunctionEnvironment on " + name(setBy.get(key)) + " and on "
                            + name(method) + "; keep one of them");
                }
                setBy.put(key, method);
                merged.put(key, value);
            }
        }
        return merged;
    }

    private static String name(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
    }
}
