package io.github.flagtest.junit.entrypoint;

import io.github.flagtest.junit.EntryPointCall;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.current.EntryPoint;
import io.github.flagtest.junit.current.StateTimeline;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.mockito.Mockito;

/**
 * An entry point held by a field or parameter: a Mockito mock or spy, read again after the test.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public record MockEntryPoint(FeatureEntryPoint annotation, String declaredAt, Supplier<Object> target)
        implements EntryPoint {

    @Override
    public List<EntryPointCall> calls(StateTimeline timeline) {
        return EntryPointCheck.calls(this, timeline);
    }

    /** Whether {@code value} is a Mockito mock or spy, whose calls flagtest can read. */
    public static boolean isMockOrSpy(Object value) {
        return Mockito.mockingDetails(value).isMock();
    }

    /** The misconfiguration of an entry point {@code where} that holds {@code value}, no mock or spy. */
    public static ExtensionConfigurationException notAMock(String where, Object value) {
        return new ExtensionConfigurationException(
                where + ": the field holds a " + value.getClass().getName()
                        + " that is neither a Mockito mock nor a spy; leave it null (flagtest creates a mock or spy) "
                        + "or assign mock(...) or spy(...)");
    }
}
