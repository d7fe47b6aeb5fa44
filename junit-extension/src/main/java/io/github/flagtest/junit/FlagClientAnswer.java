package io.github.flagtest.junit;

import io.github.flagtest.core.FakeFlags;
import java.lang.reflect.Method;
import java.util.Map;
import org.mockito.Answers;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.stubbing.Answer;

/**
 * Answers a {@link FlagClient} mock's flag-reading methods from the test's {@link FakeFlags}: the
 * first String argument is the flag name, a further argument of the return type the default, a Map
 * argument the evaluation context. Other methods get Mockito's defaults.
 */
final class FlagClientAnswer implements Answer<Object> {

    private final FakeFlags flags;

    FlagClientAnswer(FakeFlags flags) {
        this.flags = flags;
    }

    @Override
    public Object answer(InvocationOnMock invocation) throws Throwable {
        Method method = invocation.getMethod();
        Class<?> type = boxed(method.getReturnType());
        int nameIndex = firstStringArgument(method);
        if (nameIndex < 0 || !(type == Boolean.class || type == String.class || Number.class.isAssignableFrom(type))) {
            return Answers.RETURNS_DEFAULTS.answer(invocation);
        }
        Object[] arguments = invocation.getArguments();
        if (!(arguments[nameIndex] instanceof String flag)) {
            return Answers.RETURNS_DEFAULTS.answer(invocation);
        }
        Object fallback = null;
        Map<String, ?> context = Map.of();
        for (int i = 0; i < arguments.length; i++) {
            if (i == nameIndex) {
                continue;
            }
            if (fallback == null && type.isInstance(arguments[i])) {
                fallback = arguments[i];
            } else if (arguments[i] instanceof Map<?, ?> map) {
                context = stringKeys(map);
            }
        }
        if (fallback == null) {
            fallback = type == Boolean.class ? Boolean.FALSE : Answers.RETURNS_DEFAULTS.answer(invocation);
        }
        return read(flag, type, fallback, context);
    }

    private <T> T read(String flag, Class<T> type, Object fallback, Map<String, ?> context) {
        return flags.value(flag, type, type.cast(fallback), context);
    }

    private static int firstStringArgument(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == String.class) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, ?> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }
}
