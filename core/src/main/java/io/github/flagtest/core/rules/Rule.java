package io.github.flagtest.core.rules;

import java.util.Map;

/**
 * A multi-variant feature flag rule of AWS AppConfig, parsed once and evaluated against a context:
 * {@code (ends_with $email "@example.com")}, {@code (split by::$userId pct::20)}, {@code (and (eq
 * $tier "gold") (gte $age 18))}. The grammar and operators are those of AWS's "Defining rules for
 * multi-variant feature flags": comparison ({@code eq gt gte lt lte}), logical ({@code and or
 * not}), {@code begins_with ends_with contains in matches exists split}, with strings, integers,
 * floats, W3C timestamps, booleans, lists and {@code $key} context values.
 *
 * <pre>{@code
 * Rule beta = Rule.parse("(ends_with $email \"@example.com\")");
 * beta.matches(Map.of("email", "ana@example.com"));   // true
 * beta.matches(Map.of());                             // false: no email in the context
 * }</pre>
 *
 * <p>A context value that is missing makes the operator that reads it false (as AppConfig serves
 * the next variant). {@code split} hashes deterministically (SHA-256 of the seed, or of the flag,
 * and the value): AWS does not publish its hash, so the same user may land in another bucket on
 * AWS, while the share of traffic is the same.
 *
 * @since 0.1.0
 */
public interface Rule {

    /**
     * Parses {@code rule} as AppConfig would accept it.
     *
     * @throws RuleException naming the position of what is wrong
     */
    static Rule parse(String rule) {
        return new RuleParser(rule).parse();
    }

    /** Whether the rule holds for {@code context}; {@code split} salts its hash with the rule's {@code seed}, if any. */
    default boolean matches(Map<String, ?> context) {
        return matches(context, "");
    }

    /** The same, for the flag {@code flag}: a {@code split} without {@code seed} is consistent per flag. */
    boolean matches(Map<String, ?> context, String flag);
}
