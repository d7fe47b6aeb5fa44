package io.github.flagtest.junit.context;

import io.github.flagtest.core.FlagCatalog;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class annotated with flagtest-e2e's {@code @LambdaE2E}, seen without depending on that
 * module: there an empty {@code @FlagMatrix} means every on/off flag of its flag document, and
 * {@code flagtest.unread} does not apply (the function reads its flags in another JVM).
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public record E2EClass(FlagCatalog document) {

    static final String ANNOTATION = "io.github.flagtest.e2e.LambdaE2E";

    public static Optional<E2EClass> of(AnnotatedElement element, ExtensionContext context) {
        if (!(element instanceof Class<?> type)) {
            return Optional.empty();
        }
        for (Annotation annotation : type.getAnnotations()) {
            if (annotation.annotationType().getName().equals(ANNOTATION)) {
                String flags = attribute(annotation);
                if (flags.isBlank()) {
                    return Optional.of(new E2EClass(FlagCatalog.parse("{}", "@LambdaE2E without flags")));
                }
                return Optional.of(new E2EClass(FlagDocuments.load("@LambdaE2E(flags)", flags, context)));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code type} or a class enclosing it is an {@code @LambdaE2E} class. */
    public static boolean isE2E(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            for (Annotation annotation : c.getAnnotations()) {
                if (annotation.annotationType().getName().equals(ANNOTATION)) {
                    return true;
                }
            }
        }
        return false;
    }

    public List<String> booleanFlags() {
        return document.names().stream()
                .filter(name -> document.get(name).orElseThrow().defaultValue() instanceof Boolean)
                .toList();
    }

    private static String attribute(Annotation annotation) {
        try {
            return (String) annotation.annotationType().getMethod("flags").invoke(annotation);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new ExtensionConfigurationException("Cannot read flags() of " + annotation + ": " + e, e);
        }
    }
}
