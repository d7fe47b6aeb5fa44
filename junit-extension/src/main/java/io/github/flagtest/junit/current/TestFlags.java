package io.github.flagtest.junit.current;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import io.github.flagtest.junit.matrix.MatrixRun;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything flagtest set up for one test: its fake, the thread binding, the entry points and what
 * to restore. Kept in the test's store, so JUnit closes it even when {@code beforeEach} failed
 * half-way.
 *
 * <p>Internal to flagtest's JUnit extension, public for its other rooms; not API.
 */
public final class TestFlags implements AutoCloseable {

    private final FakeFlags flags;
    private final FlagState initial;
    private final List<MatrixRun> matrixRuns;
    private final StateTimeline timeline;
    private final List<EntryPoint> entryPoints = new CopyOnWriteArrayList<>();
    private final CurrentFlags.Binding binding;
    private final Deque<Runnable> restores = new ArrayDeque<>(); // guarded by this

    public TestFlags(FakeFlags flags, List<MatrixRun> matrixRuns) {
        this.flags = flags;
        this.initial = flags.state();
        this.matrixRuns = List.copyOf(matrixRuns);
        this.timeline = new StateTimeline(initial);
        flags.onChange(timeline::changed);
        flags.onRead(read -> {
            if (!entryPoints.isEmpty()) { // only a test that watches entry points needs the reads timed
                timeline.read(read.flag(), FlagState.isOnValue(read.value()));
            }
        });
        this.binding = CurrentFlags.bind(this);
    }

    /** The test's fake: the flags it reads and flips. */
    public FakeFlags flags() {
        return flags;
    }

    /** The state the test started with, before any flip. */
    public FlagState initial() {
        return initial;
    }

    /** The matrix runs around the test, outermost first. */
    public List<MatrixRun> matrixRuns() {
        return matrixRuns;
    }

    /** The flag state over time, to judge each call by the state at its moment. */
    public StateTimeline timeline() {
        return timeline;
    }

    /** The entry points registered so far; rooms add theirs while the test is set up. */
    public List<EntryPoint> entryPoints() {
        return entryPoints;
    }

    /** Runs {@code restore} when the test closes, latest first. */
    public synchronized void onClose(Runnable restore) {
        restores.push(restore);
    }

    @Override
    public void close() {
        binding.close();
        Runnable restore;
        while ((restore = next()) != null) {
            restore.run();
        }
    }

    private synchronized Runnable next() {
        return restores.poll();
    }
}
