package io.github.flagtest.e2e.harness;

import io.github.flagtest.e2e.InvocationResult;
import java.time.Duration;

/** One invocation's result. */
record Result(int statusCode, String payload, String functionError, String logTail, Duration duration)
        implements InvocationResult {

    @Override
    public <T> T payload(Class<T> type) {
        try {
            return Events.fromJson(payload, type);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "The payload is not a " + type.getSimpleName() + ": " + e.getMessage() + "\npayload: " + payload,
                    e);
        }
    }
}
