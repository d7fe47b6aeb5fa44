package io.github.flagtest.junit.inject;

import static org.mockito.Mockito.withSettings;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.junit.flags.FlagClientAnswer;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.mockito.Answers;
import org.mockito.Mockito;
import org.mockito.exceptions.base.MockitoException;

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

    static Object flagClient(Class<?> type, String name, FakeFlags flags, String where) {
        try {
            return Mockito.mock(type, withSettings().name(name).defaultAnswer(new FlagClientAnswer(flags)));
        } catch (MockitoException e) {
            throw new ExtensionConfigurationException(
                    where + ": Mockito cannot mock " + type.getName() + "; use a mockable type: " + e.getMessage(), e);
        }
    }
}
