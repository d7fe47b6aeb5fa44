package io.github.flagtest.junit.flags;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.FlagClient;
import io.github.flagtest.junit.current.CurrentFlags;
import java.lang.reflect.Method;
import java.util.Map;
import org.mockito.Answers;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.stubbing.Answer;

/**
 * Answers a {@link FlagClient} mock's flag-reading methods from the test's {@link FakeFlags}: the
 * first String argument is the flag name, a further argument of the return type the default, a Map
 * argument the evaluation context. Other methods get Mockito's defaults.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class FlagClientAnswer implements Answer<Object> {

    private final FakeFlags flags;

    public FlagClientAnswer(FakeFlags flags) {
        this.flags = flags;
    }

    /**
     * An answer that reads from whichever flagtest test runs on the calling thread at the time of each
     * call; outside a test (a context starting, a thread no test is bound to) flags are undeclared:
     * OFF, or the caller's default.
     */
    public static Answer<Object> ofRunningTest() {
        FakeFlags outside = new FakeFlags(FlagState.empty());
        return invocation -> new FlagClientAnswer(CurrentFlags.get().orElse(outside)).answer(invocation);
    }

    /**
     * Whether this answer reads a flag for {@code method} (a String argument and a Boolean, String or
     * Number result, or an attribute read); other methods get Mockito's defaults.
     */
    public static boolean reads(Method method) {
        int nameIndex = firstStringArgument(method);
        if (nameIndex < 0) {
            return false;
        }
        Class<?> type = boxed(method.getReturnType());
        return type == Boolean.class
                || type == String.class
                || Number.class.isAssignableFrom(type)
                || (method.getName().toLowerCase(java.util.Locale.ROOT).contains("attribute") && type != Void.class);
    }

    @Override
    public Object answer(InvocationOnMock invocation) throws Throwable {
        Method method = invocation.getMethod();
        Class<?> type = boxed(method.getReturnType());
        int nameIndex = firstStringArgument(method);
        if (nameIndex >= 0
                && method.getName().toLowerCase(java.util.Locale.ROOT).contains("attribute")) {
            return attribute(invocation, method, type, nameIndex);
        }
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

    /**
     * A method named like {@code attribute}/{@code getAttribute}: the second String argument names
     * the attribute (a Map return type without one gets them all), a further argument of the return
     * type is the fallback, a Map argument the context.
     */
    private Object attribute(InvocationOnMock invocation, Method method, Class<?> type, int nameIndex)
            throws Throwable {
        Object[] arguments = invocation.getArguments();
        if (!(arguments[nameIndex] instanceof String flag)) {
            return Answers.RETURNS_DEFAULTS.answer(invocation);
        }
        String attribute = null;
        Object fallback = null;
        Map<String, ?> context = Map.of();
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = nameIndex + 1; i < arguments.length; i++) {
            if (attribute == null && parameters[i] == String.class && arguments[i] instanceof String name) {
                attribute = name;
            } else if (fallback == null && type.isInstance(arguments[i])) {
                fallback = arguments[i];
            } else if (arguments[i] instanceof Map<?, ?> map) {
                context = stringKeys(map);
            }
        }
        if (attribute == null) {
            return Map.class.isAssignableFrom(type)
                    ? flags.attributes(flag, context)
                    : Answers.RETURNS_DEFAULTS.answer(invocation);
        }
        if (fallback == null && method.getReturnType().isPrimitive()) {
            fallback = Answers.RETURNS_DEFAULTS.answer(invocation);
        }
        return readAttribute(flag, attribute, type, fallback, context);
    }

    private <T> T readAttribute(String flag, String attribute, Class<T> type, Object fallback, Map<String, ?> context) {
        return flags.attribute(flag, attribute, type, type.cast(fallback), context);
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
