package io.github.flagtest.junit;

import java.util.Arrays;
import java.util.List;

/**
 * One registered feature entry point: a mock or spy in a field or parameter ({@link MockEntryPoint})
 * or a type whose calls are watched ({@link TypeEntryPoint}).
 */
sealed interface EntryPoint permits MockEntryPoint, TypeEntryPoint {

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

    default String describe() {
        return "@FeatureEntryPoint(\"" + flag() + "\") on " + declaredAt();
    }
}
