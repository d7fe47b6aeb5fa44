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
 * The after-each invariant: no call to an entry point while its flag was OFF, judged by what the
 * code last read of the flag before each call (a cached ON stays ON until the code reads again), or
 * by the state set at the call when the code never read it; with {@code expectWhenEnabled}, at
 * least one call in a run with the flag ON.
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
            int at = invocation.getSequenceNumber();
            boolean on = flag.map(f -> timeline.at(at).isOn(f)).orElse(false);
            Optional<Boolean> lastRead = flag.flatMap(f -> timeline.lastReadBefore(f, at));
            calls.add(new EntryPointCall(
                    flag,
                    name,
                    method,
                    Arrays.asList(invocation.getArguments()),
                    site(invocation),
                    on,
                    Optional.empty(),
                    lastRead));
        }
        return calls;
    }

    /**
     * The failure of {@code entryPoint} in a test that started with {@code run} and read its flag
     * {@code reads} times through flagtest, if it failed.
     */
    public static Optional<AssertionFailedError> failure(
            EntryPoint entryPoint, List<EntryPointCall> calls, FlagState run, int reads) {
        List<EntryPointCall> whileOff =
                calls.stream().filter(call -> !call.allowed()).toList();
        if (!whileOff.isEmpty()) {
            String list = IntStream.range(0, whileOff.size())
                    .mapToObj(i -> "  " + (i + 1) + ". " + whileOff.get(i))
                    .collect(Collectors.joining("\n"));
            return Optional.of(new AssertionFailedError(entryPoint.describe() + ": expected no call while '"
                    + entryPoint.flag() + "' was OFF, but there "
                    + (whileOff.size() == 1 ? "was 1" : "were " + whileOff.size())
                    + ":\n" + list + "\nFlags this run started with: " + run
                    + "\nThe code under test must check '" + entryPoint.flag()
                    + "' before it calls the entry point (one if: the single point of execution)."));
        }
        boolean onAtSomePoint = run.isOn(entryPoint.flag());
        if (entryPoint.annotation().expectWhenEnabled() && onAtSomePoint && calls.isEmpty()) {
            String cause = reads == 0
                    ? "\nThe code read '" + entryPoint.flag() + "' 0 times through flagtest in this test: it likely"
                            + " reads its flags from another client. Hand it the test's flags: a @FlagClient mock,"
                            + " the FakeFlags parameter, an AppConfigEndpoint for the AWS SDK, or OpenFeature."
                    : "\nThe code read '" + entryPoint.flag() + "' " + reads + " time(s) through flagtest in this test;"
                            + " check that the test exercises the feature, or drop expectWhenEnabled.";
            return Optional.of(new AssertionFailedError(entryPoint.describe() + ": expected at least one call while '"
                    + entryPoint.flag() + "' was ON (expectWhenEnabled = true), but there was none."
                    + "\nFlags this run started with: " + run + cause));
        }
        return Optional.empty();
    }

    private static String site(Invocation invocation) {
        String location = invocation.getLocation().toString();
        return location.startsWith("-> at ") ? location.substring("-> at ".length()) : location;
    }
}
