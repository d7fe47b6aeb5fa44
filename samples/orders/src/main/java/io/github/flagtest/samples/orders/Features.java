package io.github.flagtest.samples.orders;

/** The orders service's view of its feature flags. */
public interface Features {

    /** Whether {@code flag} is ON for this request. */
    boolean isEnabled(String flag);
}
