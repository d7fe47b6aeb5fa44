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
 * <p>A flag's <em>attribute values</em> (AppConfig's {@code "checkout": {"enabled": true,
 * "maxItems": 5}}) travel with it: {@link #attributes(String)} gives them, {@link
 * #withAttribute(String, String, Object)} sets one, and flipping a flag keeps them. A multi-variant
 * flag's attributes are those of the variant served, kept in its {@link Variants}.
 *
 * <pre>{@code
 * FlagState state = FlagState.of(Map.of("loyalty-points", true, "checkout", "B"));
 * state.isOn("loyalty-points");       // true
 * state.with("loyalty-points", false); // a new state, this one is unchanged
 * state.withAttribute("checkout", "maxItems", 5).attributes("checkout"); // {maxItems=5}
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FlagState {

    private static final FlagState EMPTY = new FlagState(Map.of(), Map.of());

    private final Map<String, Object> values;
    /** Attribute values of basic flags (Boolean or variant String values), only for declared flags. */
    private final Map<String, Map<String, Object>> attributes;

    private FlagState(Map<String, Object> values, Map<String, Map<String, Object>> attributes) {
        this.values = values;
        this.attributes = attributes;
    }

    /**
     * The state that declares no flag.
     *
     * @return the empty state
     */
    public static FlagState empty() {
        return EMPTY;
    }

    /**
     * A state holding a copy of {@code values}, in their iteration order.
     *
     * @param values flag name to value
     * @return the state
     * @throws FlagTestException if a name is blank or a value is neither Boolean nor String
     */
    public static FlagState of(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((flag, value) -> copy.put(checkName(flag), checkValue(flag, value)));
        return new FlagState(Collections.unmodifiableMap(copy), Map.of());
    }

    /**
     * Whether {@code flag} is ON: {@code true}, or any variant; absent flags are OFF.
     *
     * @param flag the flag name
     * @return whether the flag is ON
     */
    public boolean isOn(String flag) {
        return isOnValue(values.get(flag));
    }

    /**
     * The value of {@code flag}: a Boolean, a variant String or {@link Variants}; empty if the state lacks it.
     *
     * @param flag the flag name
     * @return the value, or empty
     */
    public Optional<Object> value(String flag) {
        return Optional.ofNullable(values.get(flag));
    }

    /**
     * Whether this state declares {@code flag}, whatever its value.
     *
     * @param flag the flag name
     * @return whether the state declares it
     */
    public boolean declares(String flag) {
        return values.containsKey(flag);
    }

    /**
     * A copy of this state with {@code flag} set to {@code value} (Boolean, String or {@link
     * Variants}). A basic flag keeps its attribute values; {@link Variants} bring their own.
     *
     * @param flag the flag name
     * @param value the new value
     * @return the new state
     */
    public FlagState with(String flag, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(checkName(flag), checkValue(flag, value));
        if (value instanceof Variants && attributes.containsKey(flag)) {
            Map<String, Map<String, Object>> kept = new LinkedHashMap<>(attributes);
            kept.remove(flag);
            return new FlagState(Collections.unmodifiableMap(copy), Collections.unmodifiableMap(kept));
        }
        return new FlagState(Collections.unmodifiableMap(copy), attributes);
    }

    /**
     * A copy of this state with every flag of {@code other} set to its value there; attribute
     * values are merged per flag, {@code other}'s winning (a pin that only turns a flag ON keeps the
     * attribute values it had).
     *
     * @param other the state whose flags win
     * @return the merged state
     */
    public FlagState withAll(FlagState other) {
        if (other.values.isEmpty()) {
            return this;
        }
        // one copy for all of other's flags (checked when other was built), not one per flag
        Map<String, Object> mergedValues = new LinkedHashMap<>(values);
        Map<String, Map<String, Object>> mergedAttributes = new LinkedHashMap<>(attributes);
        other.values.forEach((flag, value) -> {
            mergedValues.put(flag, value);
            if (value instanceof Variants) {
                mergedAttributes.remove(flag); // a variant's attribute values are in the variant
                return;
            }
            Map<String, Object> theirs = other.attributes.getOrDefault(flag, Map.of());
            if (!theirs.isEmpty()) {
                Map<String, Object> flagAttributes = new LinkedHashMap<>(mergedAttributes.getOrDefault(flag, Map.of()));
                flagAttributes.putAll(theirs);
                mergedAttributes.put(flag, Collections.unmodifiableMap(flagAttributes));
            }
        });
        return new FlagState(Collections.unmodifiableMap(mergedValues), Collections.unmodifiableMap(mergedAttributes));
    }

    /**
     * The attribute values of {@code flag}, in declaration order: a basic flag's own, a
     * multi-variant flag's default variant's (what a read without context is served). Empty when it
     * has none or the state lacks the flag. The state holds them whatever the flag's value; what is
     * <em>served</em> follows AppConfig, which leaves a disabled flag's attribute values out.
     *
     * @param flag the flag name
     * @return the attribute values by name; empty when none
     * @since 0.1.0
     */
    public Map<String, Object> attributes(String flag) {
        return attributes(flag, true);
    }

    private Map<String, Object> attributes(String flag, boolean ofVariants) {
        if (ofVariants && values.get(flag) instanceof Variants variants) {
            return variants.defaultVariant().attributes();
        }
        return attributes.getOrDefault(flag, Map.of());
    }

    /**
     * A copy of this state in which {@code flag} has the attribute {@code name} set to {@code
     * value}: a String, Number, Boolean, or a List of them (AppConfig's attribute types). The flag
     * must be declared and not multi-variant (a variant's attributes are part of its {@link Variants}).
     *
     * @param flag the flag name
     * @param name the attribute name
     * @param value the attribute value
     * @return the new state
     * @throws FlagTestException naming the flag and the attribute when one of these does not hold
     * @since 0.1.0
     */
    public FlagState withAttribute(String flag, String name, Object value) {
        checkName(flag);
        Object current = values.get(flag);
        String where = "Attribute '" + name + "' of flag '" + flag + "'";
        if (current == null) {
            throw new FlagTestException(
                    where + ": the state does not declare '" + flag + "'; set the flag before its attributes");
        }
        if (current instanceof Variants) {
            throw new FlagTestException(where
                    + ": the flag is multi-variant, whose attribute values belong to its variants; "
                    + "set them in the variants (the document's attributeValues)");
        }
        if (name == null || name.isBlank()) {
            throw new FlagTestException("An attribute name of flag '" + flag + "' is blank; name the attribute");
        }
        Map<String, Object> flagAttributes = new LinkedHashMap<>(attributes.getOrDefault(flag, Map.of()));
        flagAttributes.put(name, AttributeValues.check(where, value));
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>(attributes);
        copy.put(flag, Collections.unmodifiableMap(flagAttributes));
        return new FlagState(values, Collections.unmodifiableMap(copy));
    }

    /** This state narrowed to {@code flags} (each declared here), with their attribute values. */
    FlagState only(java.util.Collection<String> flags) {
        Map<String, Object> kept = new LinkedHashMap<>();
        Map<String, Map<String, Object>> keptAttributes = new LinkedHashMap<>();
        for (String flag : flags) {
            kept.put(flag, values.get(flag));
            if (attributes.containsKey(flag)) {
                keptAttributes.put(flag, attributes.get(flag));
            }
        }
        return new FlagState(Collections.unmodifiableMap(kept), Collections.unmodifiableMap(keptAttributes));
    }

    /**
     * The declared flag names, in declaration order.
     *
     * @return the flag names
     */
    public Set<String> flags() {
        return values.keySet();
    }

    /**
     * An unmodifiable view of the assignment.
     *
     * @return flag name to value
     */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * Whether a flag value means ON: {@code true}, a variant name, {@link Variants} whose default is
     * enabled; anything else (false, null, another type) is OFF.
     *
     * @param value a flag value
     * @return whether it means ON
     * @since 0.1.0
     */
    public static boolean isOnValue(Object value) {
        if (value instanceof Variants variants) {
            return variants.defaultVariant().enabled();
        }
        return value instanceof String || Boolean.TRUE.equals(value);
    }

    /**
     * {@code value} as a plain Boolean or variant String: {@link Variants} as their {@link
     * Variants#defaultValue() default}, other values unchanged. For records and environment values.
     *
     * @param value a flag value
     * @return the plain value
     * @since 0.1.0
     */
    public static Object plain(Object value) {
        return value instanceof Variants variants ? variants.defaultValue() : value;
    }

    /**
     * Formats one value the way display names and messages show it: ON, OFF or the variant.
     *
     * @param value a flag value
     * @return {@code ON}, {@code OFF} or the variant name
     */
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
        return other instanceof FlagState state && values.equals(state.values) && attributes.equals(state.attributes);
    }

    @Override
    public int hashCode() {
        return values.hashCode() * 31 + attributes.hashCode();
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
