package io.github.flagtest.junit.current;

import io.github.flagtest.core.FlagState;
import java.util.ArrayList;
import java.util.List;
import org.mockito.Mockito;
import org.mockito.invocation.Invocation;

/**
 * The flag states of one test over time, on Mockito's clock: each flip, and each read while the
 * test watches entry points, is stamped with a Mockito invocation sequence number (by calling a
 * private mock), so every entry-point call can be judged by the state in force when it happened
 * and by what the code last read before it.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class StateTimeline {

    private final FlagState initial;
    private final List<Change> changes = new ArrayList<>(); // guarded by this
    private final List<Read> reads = new ArrayList<>(); // guarded by this
    private Runnable clock; // guarded by this; created at the first flip

    public StateTimeline(FlagState initial) {
        this.initial = initial;
    }

    synchronized void changed(FlagState state) {
        changes.add(new Change(tick(), state));
    }

    /** The code read {@code flag} and was answered ON or OFF. */
    synchronized void read(String flag, boolean on) {
        reads.add(new Read(tick(), flag, on));
    }

    private int tick() {
        if (clock == null) {
            clock = Mockito.mock(Runnable.class, "flagtest-clock");
        }
        clock.run();
        List<Invocation> ticks = List.copyOf(Mockito.mockingDetails(clock).getInvocations());
        return ticks.get(ticks.size() - 1).getSequenceNumber();
    }

    /** What the code's most recent read of {@code flag} before the invocation {@code sequenceNumber} answered. */
    public synchronized java.util.Optional<Boolean> lastReadBefore(String flag, int sequenceNumber) {
        java.util.Optional<Boolean> last = java.util.Optional.empty();
        for (Read read : reads) {
            if (read.sequenceNumber() >= sequenceNumber) {
                break;
            }
            if (read.flag().equals(flag)) {
                last = java.util.Optional.of(read.on());
            }
        }
        return last;
    }

    /** What the code's most recent read of {@code flag} so far answered. */
    public synchronized java.util.Optional<Boolean> lastRead(String flag) {
        return lastReadBefore(flag, Integer.MAX_VALUE);
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

    private record Read(int sequenceNumber, String flag, boolean on) {}
}
