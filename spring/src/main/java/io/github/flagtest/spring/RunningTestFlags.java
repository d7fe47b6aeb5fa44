package io.github.flagtest.spring;

import io.github.flagtest.core.FakeFlags;
import java.util.function.Supplier;

/** The flags of the test that runs in a context now, as {@link FlagEndpointListener} sets them; null between tests. */
final class RunningTestFlags implements Supplier<FakeFlags> {

    private volatile FakeFlags current;

    @Override
    public FakeFlags get() {
        return current;
    }

    void set(FakeFlags flags) {
        current = flags;
    }
}
