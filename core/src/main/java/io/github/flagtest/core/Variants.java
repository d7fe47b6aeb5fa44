package io.github.flagtest.core;

import io.github.flagtest.core.rules.Rule;
import io.github.flagtest.core.rules.RuleException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The value of an AWS AppConfig multi-variant flag: its variants in order, each but the last with a
 * rule; the last, rule-less one is the default. A read with an evaluation context gets the first
 * variant whose rule matches it, a read without one the default, as from the AppConfig agent.
 *
 * <pre>{@code
 * Variants checkout = Variants.of(List.of(
 *         new Variants.Variant("BetaUsers", true, Optional.of("(ends_with $email \"@example.com\")"), Map.of()),
 *         new Variants.Variant("Default", false, Optional.empty(), Map.of())));
 * checkout.variantFor(Map.of("email", "ana@example.com"), "checkout").name(); // BetaUsers
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Variants {

    /**
     * One variant of a multi-variant flag.
     *
     * @param name the variant name, unique within the flag
     * @param enabled whether the flag is ON when this variant is served
     * @param rule the rule that selects it; empty for the default variant
     * @param attributes the variant's attribute values, as JSON values (String, Number, Boolean, List)
     */
    public record Variant(String name, boolean enabled, Optional<String> rule, Map<String, Object> attributes) {

        /**
         * Compact canonical constructor: checks the name and keeps an unmodifiable copy of the attributes.
         *
         * @param name the variant name
         * @param enabled whether the flag is ON when this variant is served
         * @param rule the rule that selects it; empty for the default variant
         * @param attributes the variant's attribute values
         */
        public Variant {
            if (name == null || name.isBlank()) {
                throw new FlagTestException("A variant needs a name");
            }
            Objects.requireNonNull(rule, "rule");
            attributes = Map.copyOf(attributes);
        }
    }

    private final List<Variant> variants;
    private final List<Rule> rules; // rules.get(i) selects variants.get(i); the default has none

    private Variants(List<Variant> variants, List<Rule> rules) {
        this.variants = variants;
        this.rules = rules;
    }

    /**
     * The variants of one flag, validated as AppConfig validates them: at least one, unique names,
     * every variant but the last with a rule that parses, the last without one.
     *
     * @param variants the variants in evaluation order, the default last
     * @return the validated variants
     * @throws FlagTestException naming the variant (by index and name) and what to fix
     */
    public static Variants of(List<Variant> variants) {
        if (variants == null || variants.isEmpty()) {
            throw new FlagTestException("A multi-variant flag needs at least one variant, the default, without a rule");
        }
        List<Variant> copy = List.copyOf(variants);
        Set<String> names = new HashSet<>();
        List<Rule> rules = new ArrayList<>();
        int last = copy.size() - 1;
        for (int i = 0; i < copy.size(); i++) {
            Variant variant = copy.get(i);
            String where = "variant [" + i + "] '" + variant.name() + "'";
            if (!names.add(variant.name())) {
                throw new FlagTestException(where + ": the name is used twice; variant names must be unique");
            }
            if (i == last && variant.rule().isPresent()) {
                throw new FlagTestException(
                        where
                                + ": the last variant is the default and must have no rule; add a rule-less default variant last");
            }
            if (i < last && variant.rule().isEmpty()) {
                throw new FlagTestException(where
                        + ": only the last variant (the default) may have no rule; give it a rule or move it last");
            }
            if (i < last) {
                try {
                    rules.add(Rule.parse(variant.rule().orElseThrow()));
                } catch (RuleException e) {
                    throw new FlagTestException(where + ": " + e.getMessage(), e);
                }
            }
        }
        return new Variants(copy, List.copyOf(rules));
    }

    /**
     * The variants in evaluation order; the last is the default.
     *
     * @return the variants
     */
    public List<Variant> variants() {
        return variants;
    }

    /**
     * The variant served when no rule matches, or when the read has no context.
     *
     * @return the default variant
     */
    public Variant defaultVariant() {
        return variants.get(variants.size() - 1);
    }

    /**
     * What a read without a context gets, as a plain flag value: the default variant's name if it
     * is enabled, else {@code false}.
     *
     * @return the default variant's name, or {@code false}
     */
    public Object defaultValue() {
        return valueOf(defaultVariant());
    }

    /**
     * This flag with {@code variant} served to every read, whatever the context: a matrix run or a
     * pin of one variant that keeps its {@code enabled} state and attributes.
     *
     * @param variant the variant name
     * @return the pinned flag
     * @throws FlagTestException if the flag has no such variant, naming the ones it has
     */
    public Variants pinned(String variant) {
        Variant chosen = variant(variant)
                .orElseThrow(() -> new FlagTestException("no variant '" + variant + "'; the flag has "
                        + variants.stream().map(Variant::name).toList()));
        return new Variants(
                List.of(new Variant(chosen.name(), chosen.enabled(), Optional.empty(), chosen.attributes())),
                List.of());
    }

    /**
     * The variant named {@code name}, if the flag has one.
     *
     * @param name the variant name
     * @return the variant, or empty
     */
    public Optional<Variant> variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /**
     * The variant served for {@code context}: the first whose rule matches, else the default. An
     * empty context gets the default, as a read without the agent's {@code Context} header.
     * {@code flag} salts {@code split} rules that have no {@code seed}.
     *
     * @param context the evaluation context
     * @param flag the flag name, the salt of unseeded {@code split} rules
     * @return the variant served
     */
    public Variant variantFor(Map<String, ?> context, String flag) {
        if (!context.isEmpty()) {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i).matches(context, flag)) {
                    return variants.get(i);
                }
            }
        }
        return defaultVariant();
    }

    /** A served variant as a flag value: its name when it is enabled, else {@code false} (OFF). */
    static Object valueOf(Variant variant) {
        return variant.enabled() ? variant.name() : Boolean.FALSE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Variants that && variants.equals(that.variants);
    }

    @Override
    public int hashCode() {
        return variants.hashCode();
    }

    /** The default variant's name, marked when it is disabled: {@code Default} or {@code Default (OFF)}. */
    @Override
    public String toString() {
        Variant fallback = defaultVariant();
        return fallback.enabled() ? fallback.name() : fallback.name() + " (OFF)";
    }
}
