package io.github.flagtest.junit;

import io.github.flagtest.core.FlagState;
import java.lang.reflect.Array;
import java.util.ArrayList;
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
 */
final class EntryPointCheck {

    private EntryPointCheck() {}

    /** One call to an entry point, as messages and the run record show it. */
    record Call(String flag, String target, String method, String arguments, String site, boolean flagOn) {

        @Override
        public String toString() {
            return target + "." + method + "(" + arguments + ") at " + site + " while " + flag + "="
                    + (flagOn ? "ON" : "OFF");
        }
    }

    /** Every counted call of {@code entryPoint}, or empty if its field was cleared. */
    static List<Call> calls(EntryPoint entryPoint, StateTimeline timeline) {
        Object target = entryPoint.target().get();
        if (target == null) {
            return List.of();
        }
        if (!Mocks.isMockOrSpy(target)) {
            throw TestFields.notAMock(entryPoint.describe() + " (after the test)", target);
        }
        String name = Mockito.mockingDetails(target)
                .getMockCreationSettings()
                .getMockName()
                .toString();
        List<Call> calls = new ArrayList<>();
        for (Invocation invocation : Mockito.mockingDetails(target).getInvocations()) {
            String method = invocation.getMethod().getName();
            if (invocation.getMethod().getDeclaringClass() == Object.class || !entryPoint.counts(method)) {
                continue;
            }
            boolean on = timeline.at(invocation.getSequenceNumber()).isOn(entryPoint.flag());
            calls.add(new Call(
                    entryPoint.flag(), name, method, arguments(invocation.getArguments()), site(invocation), on));
        }
        return calls;
    }

    static Optional<AssertionFailedError> failure(EntryPoint entryPoint, List<Call> calls, FlagState run) {
        List<Call> whileOff = calls.stream().filter(call -> !call.flagOn()).toList();
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

    private static String arguments(Object[] arguments) {
        List<String> parts = new ArrayList<>();
        for (Object argument : arguments) {
            parts.add(format(argument));
        }
        return String.join(", ", parts);
    }

    private static String format(Object value) {
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        if (value != null && value.getClass().isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                parts.add(format(Array.get(value, i)));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        return String.valueOf(value);
    }
}
