package io.github.flagtest.junit.inject;

import io.github.flagtest.junit.FlagClient;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The types of a test's {@link FlagClient}s. Their frames are skipped when call sites are recorded:
 * with Mockito's inline mock maker, a mocked class's own method is on the stack.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class FlagClientTypes {

    private FlagClientTypes() {}

    public static List<Class<?>> of(ExtensionContext context) {
        List<Class<?>> types = new ArrayList<>();
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            types.addAll(TestFields.flagClientTypes(context, instance.getClass()));
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
