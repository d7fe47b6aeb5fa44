package io.github.flagtest.junit.entrypoint;

import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.EntryPointCall;
import io.github.flagtest.junit.current.EntryPoint;
import io.github.flagtest.junit.current.StateTimeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.mockito.Mockito;
import org.mockito.invocation.Invocation;
import org.opentest4j.AssertionFailedError;

/**
 * The after-each invariant: no call to an entry point while its flag was OFF (judged at the time of
 * each call); with {@code expectWhenEnabled}, at least one call in a run with the flag ON.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class EntryPointCheck {

    private EntryPointCheck() {}

    /** Every counted call of {@code entryPoint}, or empty if its field was cleared. */
    static List<EntryPointCall> calls(MockEntryPoint entryPoint, StateTimeline timeline) {
        Object target = entryPoint.target().get();
        if (target == null) {
            return List.of();
        }
        if (!MockEntryPoint.isMockOrSpy(target)) {
            throw MockEntryPoint.notAMock(entryPoint.describe() + " (after the test)", target);
        }
        return calls(target, Optional.of(entryPoint), timeline);
    }

    /** The calls on {@code target}, judged by {@code entryPoint}'s flag when there is one. */
    public static List<EntryPointCall> calls(Object target, Optional<EntryPoint> entryPoint, StateTimeline timeline) {
        String name = Mockito.mockingDetails(target)
                .getMockCreationSettings()
                .getMockName()
                .toString();
        List<EntryPointCall> calls = new ArrayList<>();
        for (Invocation invocation : Mockito.mockingDetails(target).getInvocations()) {
            String method = invocation.getMethod().getName();
            if (invocation.getMethod().getDeclaringClass() == Object.class
                    || !entryPoint.map(e -> e.counts(method)).orElse(true)) {
                continue;
            }
            Optional<String> flag = entryPoint.map(EntryPoint::flag);
            boolean on = flag.map(
                            f -> timeline.at(invocation.getSequenceNumber()).isOn(f))
                    .orElse(false);
            calls.add(new EntryPointCall(
                    flag, name, method, Arrays.asList(invocation.getArguments()), site(invocation), on));
        }
        return calls;
    }

    public static Optional<AssertionFailedError> failure(
            EntryPoint entryPoint, List<EntryPointCall> calls, FlagState run) {
        List<EntryPointCall> whileOff =
                calls.stream().filter(call -> !call.flagOn()).toList();
        if (!whileOff.isEmpty()) {
            String list = IntStream.range(0, whileOff.size())
                    .mapToObj(i -> "  " + (i + 1) + ". " + whileOff.get(i))
                    .collect(Collectors.joining("\n"));
            return Optional.of(new AssertionFailedError(entryPoint.describe() + ": expected no call while '"
                    + entryPoint.flag() + "' was OFF, but there "
                    + (whileOff.size() == 1 ? "was 1" : "were " + whileOff.size())
                    + ":\n" + list + "\nFlag state of this run: " + run
                    + "\nThe code under test must check '" + entryPoint.flag()
                    + "' before it calls the entry point (one if: the single point of execution)."));
        }
        boolean onAtSomePoint = run.isOn(entryPoint.flag());
        if (entryPoint.annotation().expectWhenEnabled() && onAtSomePoint && calls.isEmpty()) {
            return Optional.of(new AssertionFailedError(entryPoint.describe() + ": expected at least one call while '"
                    + entryPoint.flag() + "' was ON (expectWhenEnabled = true), but there was none."
                    + "\nFlag state of this run: " + run
                    + "\nCheck that the test exercises the feature, or drop expectWhenEnabled."));
        }
        return Optional.empty();
    }

    private static String site(Invocation invocation) {
        String location = invocation.getLocation().toString();
        return location.startsWith("-> at ") ? location.substring("-> at ".length()) : location;
    }
}
