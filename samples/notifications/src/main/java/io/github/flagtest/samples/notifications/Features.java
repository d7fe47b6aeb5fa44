package io.github.flagtest.samples.notifications;

/** The notification service's view of its feature flags. */
public interface Features {

    /** Whether {@code flag} is ON. */
    boolean isEnabled(String flag);

    /** The variant of a multi-variant flag, or {@code fallback}. */
    String variant(String flag, String fallback);
}
