package io.github.flagtest.junit.inject;

import static org.mockito.Mockito.withSettings;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.junit.flags.FlagClientAnswer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.mockito.Answers;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import org.mockito.exceptions.base.MockitoException;
import org.mockito.mock.MockCreationSettings;

/** Creates the mocks and spies that flagtest puts into fields and parameters. */
final class Mocks {

    private Mocks() {}

    /** A mock of an interface or abstract class, a spy (real methods) of a concrete class. */
    static Object entryPoint(Class<?> type, String name, String where) {
        try {
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                return Mockito.mock(type, withSettings().name(name));
            }
            try {
                type.getDeclaredConstructor();
            } catch (NoSuchMethodException e) {
                throw new ExtensionConfigurationException(where + ": " + type.getSimpleName()
                        + " has no no-arg constructor, so flagtest cannot create a spy of it; assign one yourself "
                        + "(= spy(new " + type.getSimpleName() + "(...))) or declare the field with an interface type");
            }
            return Mockito.mock(
                    type, withSettings().name(name).useConstructor().defaultAnswer(Answers.CALLS_REAL_METHODS));
        } catch (MockitoException e) {
            throw new ExtensionConfigurationException(
                    where + ": Mockito cannot mock " + type.getName() + "; use a mockable type: " + e.getMessage(), e);
        }
    }

    /**
     * Programs {@code mock}, a Mockito mock a framework (or the test) put into a {@code @FlagClient}
     * field, to answer its flag-reading methods from {@code flags}; stubbings the test adds later win.
     * Lenient, so strict stubs do not report the methods the test never calls.
     */
    static void program(Object mock, FakeFlags flags, String where) {
        FlagClientAnswer answer = new FlagClientAnswer(flags);
        MockCreationSettings<?> settings = Mockito.mockingDetails(mock).getMockCreationSettings();
        boolean subclass = mock.getClass().getName().contains("$MockitoMock$");
        Set<Method> methods =
                new LinkedHashSet<>(List.of(settings.getTypeToMock().getMethods()));
        settings.getExtraInterfaces().forEach(type -> methods.addAll(List.of(type.getMethods())));
        for (Method method : methods) {
            int modifiers = method.getModifiers();
            if (method.getDeclaringClass() == Object.class
                    || Modifier.isStatic(modifiers)
                    || method.isBridge()
                    || (subclass && Modifier.isFinal(modifiers)) // a subclass mock cannot intercept it
                    || !FlagClientAnswer.reads(method)) {
                continue;
            }
            try {
                method.setAccessible(true);
                method.invoke(Mockito.lenient().doAnswer(answer).when(mock), anyArguments(method));
            } catch (ReflectiveOperationException | RuntimeException e) {
                Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
                throw new ExtensionConfigurationException(
                        where + ": flagtest cannot program " + method.getName() + " of the mock it holds: " + cause,
                        cause);
            }
        }
    }

    /** One Mockito matcher per parameter, in order, matching any value (null too). */
    private static Object[] anyArguments(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Object[] arguments = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            arguments[i] = types[i].isPrimitive() ? ArgumentMatchers.any(types[i]) : ArgumentMatchers.any();
        }
        return arguments;
    }

    static Object flagClient(Class<?> type, String name, FakeFlags flags, String where) {
        try {
            return Mockito.mock(type, withSettings().name(name).defaultAnswer(new FlagClientAnswer(flags)));
        } catch (MockitoException e) {
            throw new ExtensionConfigurationException(
                    where + ": Mockito cannot mock " + type.getName() + "; use a mockable type: " + e.getMessage(), e);
        }
    }
}
