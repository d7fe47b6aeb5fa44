package io.github.flagtest.junit.current;

import io.github.flagtest.core.FlagState;
import java.util.ArrayList;
import java.util.List;
import org.mockito.Mockito;
import org.mockito.invocation.Invocation;

/**
 * The flag states of one test over time, on Mockito's clock: each flip is stamped with a Mockito
 * invocation sequence number (by calling a private mock), so every entry-point call can be judged
 * by the state in force when it happened.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class StateTimeline {

    private final FlagState initial;
    private final List<Change> changes = new ArrayList<>(); // guarded by this
    private Runnable clock; // guarded by this; created at the first flip

    public StateTimeline(FlagState initial) {
        this.initial = initial;
    }

    synchronized void changed(FlagState state) {
        if (clock == null) {
            clock = Mockito.mock(Runnable.class, "flagtest-clock");
        }
        clock.run();
        List<Invocation> ticks = List.copyOf(Mockito.mockingDetails(clock).getInvocations());
        changes.add(new Change(ticks.get(ticks.size() - 1).getSequenceNumber(), state));
    }

    /** The state in force when the invocation with {@code sequenceNumber} happened. */
    public synchronized FlagState at(int sequenceNumber) {
        FlagState state = initial;
        for (Change change : changes) {
            if (change.sequenceNumber() >= sequenceNumber) {
                break;
            }
            state = change.state();
        }
        return state;
    }

    private record Change(int sequenceNumber, FlagState state) {}
}
