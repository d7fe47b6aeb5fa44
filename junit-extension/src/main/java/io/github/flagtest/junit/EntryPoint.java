package io.github.flagtest.junit;

import java.util.Arrays;
import java.util.function.Supplier;

/** One registered feature entry point: its annotation, where it is declared, and how to read it. */
record EntryPoint(FeatureEntryPoint annotation, String declaredAt, Supplier<Object> target) {

    String flag() {
        return annotation.value();
    }

    boolean counts(String methodName) {
        return annotation.methods().length == 0
                || Arrays.asList(annotation.methods()).contains(methodName);
    }

    String describe() {
        return "@FeatureEntryPoint(\"" + flag() + "\") on " + declaredAt;
    }
}
