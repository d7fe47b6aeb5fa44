package io.github.flagtest.e2e;

import java.time.Duration;

/**
 * What one invocation of a {@link DeployedFunction} returned.
 *
 * @since 0.1.0
 */
public interface InvocationResult {

    /**
     * The Invoke API's HTTP status (200 even when the function failed).
     *
     * @return the HTTP status of the Invoke call
     */
    int statusCode();

    /**
     * The response payload as JSON text (the error JSON when the function failed).
     *
     * @return the payload as JSON text
     */
    String payload();

    /**
     * The payload read into {@code type} with Jackson.
     *
     * @param <T> the type to read
     * @param type the type to read the payload into
     * @return the payload as {@code type}
     */
    <T> T payload(Class<T> type);

    /**
     * The function error ({@code Unhandled}), or null when there is none, as in the AWS SDK.
     *
     * @return the function error, or null
     */
    String functionError();

    /**
     * This invocation's log, as Lambda writes it: a fresh runtime's init output, {@code START
     * RequestId: ...}, what the invocation printed, {@code END} and {@code REPORT} (duration, memory).
     * Whole on the embedded backend; elsewhere the Invoke API's tail, its last 4 KB.
     *
     * @return the invocation's log
     */
    String logTail();

    /**
     * How long the invocation took, seen from the test.
     *
     * @return the invocation's duration
     */
    Duration duration();
}
