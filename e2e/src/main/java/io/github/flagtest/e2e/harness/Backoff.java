package io.github.flagtest.e2e.harness;

import java.time.Duration;

/**
 * The pause between the invocations of a kill-switch drill: 50 ms, doubling up to 2 s, never past
 * the drill's deadline. Each invocation is a billed call on AWS, and a function that polls its
 * flags every N seconds shows a change only after N seconds anyway.
 */
final class Backoff {

    static final Duration FIRST = Duration.ofMillis(50);
    static final Duration MAX = Duration.ofSeconds(2);
    static final int MAX_PAYLOAD = 300;

    private Duration next = FIRST;

    /** The pause to take now, at most {@code left}; the following one doubles. */
    Duration next(Duration left) {
        Duration pause = next.compareTo(left) < 0 ? next : left;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(MAX) < 0 ? doubled : MAX;
        return pause;
    }

    /** Sleeps the next pause; false if interrupted (the interrupt is kept). */
    boolean pause(Duration left) {
        try {
            Thread.sleep(next(left).toMillis()); // waiting for a remote function to change: nothing to wait on
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A payload cut to {@value #MAX_PAYLOAD} characters, so a failing drill stays readable. */
    static String shorten(String payload) {
        return payload.length() <= MAX_PAYLOAD
                ? payload
                : payload.substring(0, MAX_PAYLOAD) + "... (" + payload.length() + " characters)";
    }
}
