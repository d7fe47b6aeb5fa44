package io.github.flagtest.junit;

import io.github.flagtest.core.FakeFlags;
import io.github.flagtest.core.FlagState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything flagtest set up for one test: its fake, the thread binding, the entry points and what
 * to restore. Kept in the test's store, so JUnit closes it even when {@code beforeEach} failed
 * half-way.
 */
final class TestFlags implements AutoCloseable {

    final FakeFlags flags;
    final FlagState initial;
    final List<MatrixRun> matrixRuns;
    final StateTimeline timeline;
    final List<EntryPoint> entryPoints = new CopyOnWriteArrayList<>();
    private final CurrentFlags.Binding binding;
    private final Deque<Runnable> restores = new ArrayDeque<>(); // guarded by this

    TestFlags(FakeFlags flags, List<MatrixRun> matrixRuns) {
        this.flags = flags;
        this.initial = flags.state();
        this.matrixRuns = List.copyOf(matrixRuns);
        this.timeline = new StateTimeline(initial);
        flags.onChange(timeline::changed);
        this.binding = CurrentFlags.bind(this);
    }

    synchronized void onClose(Runnable restore) {
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
