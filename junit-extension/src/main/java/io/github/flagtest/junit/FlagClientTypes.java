package io.github.flagtest.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * The types of a test's {@link FlagClient}s. Their frames are skipped when call sites are recorded:
 * with Mockito's inline mock maker, a mocked class's own method is on the stack.
 */
final class FlagClientTypes {

    private FlagClientTypes() {}

    static List<Class<?>> of(ExtensionContext context) {
        List<Class<?>> types = new ArrayList<>();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : AnnotationSupport.findAnnotatedFields(
                    instance.getClass(), FlagClient.class, f -> true, HierarchyTraversalMode.TOP_DOWN)) {
                types.add(field.getType());
            }
        }
        context.getTestMethod().ifPresent(method -> {
            for (Parameter parameter : method.getParameters()) {
                if (AnnotationSupport.isAnnotated(parameter, FlagClient.class)) {
                    types.add(parameter.getType());
                }
            }
        });
        return types;
    }
}
