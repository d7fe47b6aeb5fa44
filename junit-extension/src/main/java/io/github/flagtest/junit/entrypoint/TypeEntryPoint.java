package io.github.flagtest.junit.entrypoint;

import io.github.flagtest.core.CallSites;
import io.github.flagtest.junit.EntryPointCall;
import io.github.flagtest.junit.FeatureEntryPoint;
import io.github.flagtest.junit.current.CurrentFlags;
import io.github.flagtest.junit.current.EntryPoint;
import io.github.flagtest.junit.current.StateTimeline;
import io.github.flagtest.junit.current.TestFlags;
import io.github.flagtest.junit.instrument.CallHook;
import io.github.flagtest.junit.instrument.MethodCall;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An entry point named by type on a test class or method: the calls the instrumented type reports
 * while the test runs, on any instance and to its static methods, each judged by the flag state at
 * the time of the call.
 */
final class TypeEntryPoint implements EntryPoint, CallHook.Listener {

    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString", "finalize", "clone");

    private final FeatureEntryPoint annotation;
    private final String declaredAt;
    private final Class<?> type;
    private final TestFlags test;
    private final List<String> callSiteSkip;
    private final List<EntryPointCall> calls = new CopyOnWriteArrayList<>();

    TypeEntryPoint(FeatureEntryPoint annotation, String declaredAt, TestFlags test, List<String> callSiteSkip) {
        this.callSiteSkip = List.copyOf(callSiteSkip);
        this.annotation = annotation;
        this.declaredAt = declaredAt;
        this.type = annotation.type();
        this.test = test;
    }

    Class<?> type() {
        return type;
    }

    @Override
    public FeatureEntryPoint annotation() {
        return annotation;
    }

    @Override
    public String declaredAt() {
        return declaredAt;
    }

    @Override
    public List<EntryPointCall> calls(StateTimeline timeline) {
        return List.copyOf(calls);
    }

    @Override
    public String kind() {
        return "type";
    }

    @Override
    public boolean counts(String methodName) {
        return annotation.methods().length == 0
                ? !OBJECT_METHODS.contains(methodName)
                : EntryPoint.super.counts(methodName);
    }

    @Override
    public boolean wants(Class<?> declaringType, String method, Object receiver) {
        if (!counts(method) || !(receiver == null ? declaringType == type : type.isInstance(receiver))) {
            return false;
        }
        CurrentFlags.Binding binding = CurrentFlags.currentBinding();
        return binding == null || binding.test() == test; // a thread of no test counts for every test
    }

    @Override
    public boolean skipsCaller(String className) {
        return CallSites.skipped(className, callSiteSkip);
    }

    @Override
    public void called(MethodCall call) {
        boolean on = test.flags().state().isOn(flag());
        calls.add(new EntryPointCall(
                Optional.of(flag()),
                type.getSimpleName(),
                call.method(),
                call.arguments(),
                call.site(),
                on,
                Optional.of(call.thread()),
                test.timeline().lastRead(flag())));
    }
}
