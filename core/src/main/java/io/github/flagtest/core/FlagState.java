package io.github.flagtest.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable assignment of flag names to values: {@code Boolean} for on/off flags, {@code String}
 * for a variant pinned whatever the context, {@link Variants} for a multi-variant flag whose rules
 * pick the variant from each read's context.
 *
 * <p>A variant flag counts as ON unless its value is {@code false}; {@link Variants} as their
 * default variant; an absent flag is OFF.
 *
 * <pre>{@code
 * FlagState state = FlagState.of(Map.of("loyalty-points", true, "checkout", "B"));
 * state.isOn("loyalty-points");       // true
 * state.with("loyalty-points", false); // a new state, this one is unchanged
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FlagState {

    private static final FlagState EMPTY = new FlagState(Map.of());

    private final Map<String, Object> values;

    private FlagState(Map<String, Object> values) {
        this.values = values;
    }

    /** The state that declares no flag. */
    public static FlagState empty() {
        return EMPTY;
    }

    /**
     * A state holding a copy of {@code values}, in their iteration order.
     *
     * @throws FlagTestException if a name is blank or a value is neither Boolean nor String
     */
    public static FlagState of(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((flag, value) -> copy.put(checkName(flag), checkValue(flag, value)));
        return new FlagState(Collections.unmodifiableMap(copy));
    }

    /** Whether {@code flag} is ON: {@code true}, or any variant; absent flags are OFF. */
    public boolean isOn(String flag) {
        return isOnValue(values.get(flag));
    }

    /** The value of {@code flag}: a Boolean, a variant String or {@link Variants}; empty if the state lacks it. */
    public Optional<Object> value(String flag) {
        return Optional.ofNullable(values.get(flag));
    }

    /** Whether this state declares {@code flag}, whatever its value. */
    public boolean declares(String flag) {
        return values.containsKey(flag);
    }

    /** A copy of this state with {@code flag} set to {@code value} (Boolean or String). */
    public FlagState with(String flag, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(checkName(flag), checkValue(flag, value));
        return new FlagState(Collections.unmodifiableMap(copy));
    }

    /** A copy of this state with every flag of {@code other} set to its value there. */
    public FlagState withAll(FlagState other) {
        if (other.values.isEmpty()) {
            return this;
        }
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.putAll(other.values);
        return new FlagState(Collections.unmodifiableMap(copy));
    }

    /** The declared flag names, in declaration order. */
    public Set<String> flags() {
        return values.keySet();
    }

    /** An unmodifiable view of the assignment. */
    public Map<String, Object> asMap() {
        return values;
    }

    static boolean isOnValue(Object value) {
        if (value instanceof Variants variants) {
            return variants.defaultVariant().enabled();
        }
        return value instanceof String || Boolean.TRUE.equals(value);
    }

    /**
     * {@code value} as a plain Boolean or variant String: {@link Variants} as their {@link
     * Variants#defaultValue() default}, other values unchanged. For records and environment values.
     *
     * @since 0.2.0
     */
    public static Object plain(Object value) {
        return value instanceof Variants variants ? variants.defaultValue() : value;
    }

    /** Formats one value the way display names and messages show it: ON, OFF or the variant. */
    public static String describe(Object value) {
        if (value instanceof Boolean on) {
            return on ? "ON" : "OFF";
        }
        return String.valueOf(value);
    }

    private static String checkName(String flag) {
        if (flag == null || flag.isBlank()) {
            throw new FlagTestException("A flag name must not be blank");
        }
        return flag;
    }

    private static Object checkValue(String flag, Object value) {
        if (value instanceof Boolean || value instanceof String || value instanceof Variants) {
            return value;
        }
        throw new FlagTestException("Flag '" + flag + "' has value " + value
                + (value == null ? "" : " of type " + value.getClass().getName())
                + "; use a Boolean for an on/off flag, a String for a variant or Variants for a multi-variant flag");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FlagState state && values.equals(state.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** For example {@code [loyalty-points=ON, checkout=B]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        values.forEach((flag, value) -> {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(flag).append('=').append(describe(value));
        });
        return text.append(']').toString();
    }
}
