package io.github.flagtest.spring;

import io.github.flagtest.core.AppConfigEndpoint;
import io.github.flagtest.core.FakeFlags;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The {@link FlagEndpoint} of one Spring context: an {@link AppConfigEndpoint} serving the flags of
 * the tests {@link FlagEndpointListener} says are running, the latest first. A bean of the context,
 * closed with it.
 */
final class ContextEndpoint implements AutoCloseable {

    static final String BEAN = "flagtestContextEndpoint";

    private final Deque<FakeFlags> running = new ConcurrentLinkedDeque<>();
    private final AppConfigEndpoint endpoint = AppConfigEndpoint.start(() -> Optional.ofNullable(running.peekFirst()));

    AppConfigEndpoint endpoint() {
        return endpoint;
    }

    void testStarted(FakeFlags flags) {
        running.addFirst(flags);
    }

    void testFinished(FakeFlags flags) {
        running.removeFirstOccurrence(flags);
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
