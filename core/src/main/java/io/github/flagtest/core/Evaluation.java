package io.github.flagtest.core;

import java.time.Instant;
import java.util.Map;

/**
 * One read of a flag, as recorded by {@link FakeFlags}.
 *
 * @param flag the flag name
 * @param value the answer given: a Boolean, or the variant String (or the caller's fallback)
 * @param context the evaluation context passed in; empty if none
 * @param callSite the frame of the code that asked, never a flagtest, Mockito or JDK frame
 * @param thread the name of the reading thread
 * @param time when the read happened; never earlier than the previous read of the same fake
 * @param variant the variant served, for a multi-variant flag (picked by its rules or pinned); else
 *     {@code null}
 * @since 0.1.0
 */
public record Evaluation(
        String flag,
        Object value,
        Map<String, ?> context,
        StackTraceElement callSite,
        String thread,
        Instant time,
        String variant) {

    /**
     * A read of a flag without variants.
     *
     * @param flag the flag name
     * @param value the value the read was served
     * @param context the evaluation context passed with the read (empty when none)
     * @param callSite the application frame that read the flag
     * @param thread the name of the reading thread
     * @param time when the read happened
     */
    public Evaluation(
            String flag,
            Object value,
            Map<String, ?> context,
            StackTraceElement callSite,
            String thread,
            Instant time) {
        this(flag, value, context, callSite, thread, time, null);
    }

    /**
     * The call site as {@code File.java:42}, the form failure messages use.
     *
     * @return the call site as {@code File.java:line}
     */
    public String site() {
        return CallSites.format(callSite);
    }
}
