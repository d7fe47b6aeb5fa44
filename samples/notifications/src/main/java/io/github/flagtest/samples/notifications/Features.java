package io.github.flagtest.samples.notifications;

import java.util.Map;

/** The notification service's view of its feature flags. */
public interface Features {

    /** Whether {@code flag} is ON. */
    boolean isEnabled(String flag);

    /**
     * The variant of a multi-variant flag for {@code context} (AppConfig evaluates the flag's rules
     * against it, e.g. {@code email}), or {@code fallback}.
     */
    String variant(String flag, String fallback, Map<String, String> context);
}
