package io.github.flagtest.junit;

import java.util.List;
import java.util.function.Supplier;

/** An entry point held by a field or parameter: a Mockito mock or spy, read again after the test. */
record MockEntryPoint(FeatureEntryPoint annotation, String declaredAt, Supplier<Object> target) implements EntryPoint {

    @Override
    public List<EntryPointCall> calls(StateTimeline timeline) {
        return EntryPointCheck.calls(this, timeline);
    }
}
