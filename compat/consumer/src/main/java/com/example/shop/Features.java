package com.example.shop;

/** The shop's own flag client, as a team would write it. */
public interface Features {
    boolean isEnabled(String flag);
}
