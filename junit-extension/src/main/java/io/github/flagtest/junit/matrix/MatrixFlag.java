package io.github.flagtest.junit.matrix;

import io.github.flagtest.junit.FlagMatrix;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One flag of a {@link FlagMatrix}: its name and the values it takes, baseline first. */
record MatrixFlag(String name, List<Object> values) {

    private static final List<Object> ON_OFF = List.of(false, true);
    /** {@code "name=*"}: every variant the flag document gives the flag; resolved against it later. */
    static final String EVERY_VARIANT = "*";

    boolean isBoolean() {
        return values.equals(ON_OFF);
    }

    Object baseline() {
        return values.get(0);
    }

    /**
     * Parses {@code "name"} (on/off), {@code "name=A|B|C"} (variants) or {@code "name=*"} (every
     * variant in the flag document, {@link #EVERY_VARIANT} until resolved).
     *
     * @throws IllegalArgumentException with the reason, for the caller to put into context
     */
    static MatrixFlag parse(String entry) {
        int equals = entry.indexOf('=');
        String name = (equals < 0 ? entry : entry.substring(0, equals)).trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException(
                    "entry \"" + entry + "\" has no flag name; write \"name\" or \"name=A|B\"");
        }
        if (equals < 0) {
            return new MatrixFlag(name, ON_OFF);
        }
        Set<String> variants = new LinkedHashSet<>();
        for (String variant : entry.substring(equals + 1).split("\\|", -1)) {
            String trimmed = variant.trim();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException(
                        "entry \"" + entry + "\" has an empty variant; write variants as \"" + name + "=A|B|C\"");
            }
            if (!variants.add(trimmed)) {
                throw new IllegalArgumentException("entry \"" + entry + "\" lists variant '" + trimmed + "' twice");
            }
        }
        return new MatrixFlag(name, List.copyOf(new ArrayList<Object>(variants)));
    }
}
