package io.github.flagtest.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;

/** One invocation's result. */
record Result(int statusCode, String payload, String functionError, String logTail, Duration duration)
        implements InvocationResult {

    @Override
    public <T> T payload(Class<T> type) {
        try {
            return AwsHttp.JSON.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "The payload is not a " + type.getSimpleName() + ": " + e.getOriginalMessage() + "\npayload: "
                            + payload,
                    e);
        }
    }
}
