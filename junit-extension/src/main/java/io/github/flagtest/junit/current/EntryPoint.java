package io.github.flagtest.junit.current;

import io.github.flagtest.junit.EntryPointCall;
import io.github.flagtest.junit.FeatureEntryPoint;
import java.util.Arrays;
import java.util.List;

/**
 * One registered feature entry point: a mock or spy in a field or parameter, or a type whose calls
 * are watched; implemented in {@code io.github.flagtest.junit.entrypoint}.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public interface EntryPoint {

    FeatureEntryPoint annotation();

    /** Where it is declared, e.g. {@code field OrderServiceTest.loyalty}. */
    String declaredAt();

    /** Every counted call so far, each judged by the flag state at the time of the call. */
    List<EntryPointCall> calls(StateTimeline timeline);

    default String flag() {
        return annotation().value();
    }

    default boolean counts(String methodName) {
        return annotation().methods().length == 0
                || Arrays.asList(annotation().methods()).contains(methodName);
    }

    /** How the run record names its kind: {@code field} (a mock or spy) or {@code type}. */
    default String kind() {
        return "field";
    }

    default String describe() {
        return "@FeatureEntryPoint(\"" + flag() + "\") on " + declaredAt();
    }
}
