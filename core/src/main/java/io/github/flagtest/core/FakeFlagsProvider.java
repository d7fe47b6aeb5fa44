package io.github.flagtest.core;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.MutableStructure;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.TypeMismatchError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An OpenFeature {@link FeatureProvider} that answers from a {@link FakeFlags} (needs
 * {@code dev.openfeature:sdk} on the class path). Every evaluation is recorded with its context.
 *
 * <p>Boolean flags answer {@code getBooleanValue}; variant flags answer {@code getStringValue} (and
 * the number getters when the variant is numeric). Attribute values: the key {@code flag.attribute}
 * (AppConfig flag names cannot hold a dot) reads one attribute with any getter, {@code
 * getObjectValue("checkout")} answers the flag as AppConfig serves it, a structure of {@code
 * enabled}, {@code _variant} and its attribute values. As the OpenFeature specification's evaluation
 * suite says, a flag the fake does not declare answers the caller's default with reason {@code
 * ERROR} and error code {@code FLAG_NOT_FOUND}, a value of another type {@code TYPE_MISMATCH}; an
 * OFF flag's attribute answers the default with reason {@code DEFAULT}.
 *
 * <pre>{@code
 * OpenFeatureAPI.getInstance().setProviderAndWait(new FakeFlagsProvider(flags));
 * }</pre>
 *
 * <p>Inside JUnit tests, flagtest installs a routing provider itself; use this class directly only
 * outside JUnit.
 *
 * @since 0.1.0
 */
public final class FakeFlagsProvider implements FeatureProvider {

    private final Supplier<FakeFlags> flags;

    /**
     * A provider answering from {@code flags}.
     *
     * @param flags the fake to answer from
     */
    public FakeFlagsProvider(FakeFlags flags) {
        Objects.requireNonNull(flags, "flags");
        this.flags = () -> flags;
    }

    /**
     * A provider answering from whatever fake {@code flags} supplies at each evaluation.
     *
     * @param flags supplies the fake to answer from at each evaluation
     */
    public FakeFlagsProvider(Supplier<FakeFlags> flags) {
        this.flags = Objects.requireNonNull(flags, "flags");
    }

    @Override
    public Metadata getMetadata() {
        return () -> "flagtest";
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
        return evaluate(key, Boolean.class, defaultValue, ctx);
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
        return evaluate(key, String.class, defaultValue, ctx);
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
        return evaluate(key, Integer.class, defaultValue, ctx);
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
        return evaluate(key, Double.class, defaultValue, ctx);
    }

    @Override
    public ProviderEvaluation<Long> getLongEvaluation(String key, Long defaultValue, EvaluationContext ctx) {
        return evaluate(key, Long.class, defaultValue, ctx);
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
        if (key.contains(".")) {
            return attribute(key, Value.class, defaultValue, ctx);
        }
        FakeFlags fake = flags.get();
        FakeFlags.Read<Object> read = fake.read(key, Object.class, null, context(ctx));
        if (!read.declared()) {
            return notFound(key, defaultValue);
        }
        Map<String, Value> content = new LinkedHashMap<>();
        content.put("enabled", new Value(FlagState.isOnValue(read.value())));
        if (read.variant() != null) {
            content.put("_variant", new Value(read.variant()));
        }
        fake.state()
                .value(key)
                .ifPresent(value -> servedAttributes(fake, key, value, read)
                        .forEach((name, attribute) -> content.put(name, toValue(attribute))));
        return ProviderEvaluation.<Value>builder()
                .value(new Value(new MutableStructure(content)))
                .variant(read.variant() != null ? read.variant() : variant(read.value()))
                .reason(Reason.STATIC.name())
                .build();
    }

    /** The attribute values the read was served: an ON flag's, or its served variant's. */
    private static Map<String, Object> servedAttributes(
            FakeFlags fake, String flag, Object declared, FakeFlags.Read<Object> read) {
        if (!FlagState.isOnValue(read.value())) {
            return Map.of();
        }
        if (declared instanceof Variants variants) {
            return variants.variant(read.variant())
                    .map(Variants.Variant::attributes)
                    .orElse(Map.of());
        }
        return fake.state().attributes(flag);
    }

    /** {@code flag.attribute}: one attribute value, the default when the flag is OFF or lacks it. */
    private <T> ProviderEvaluation<T> attribute(String key, Class<T> type, T defaultValue, EvaluationContext ctx) {
        int dot = key.indexOf('.');
        String flag = key.substring(0, dot);
        String name = key.substring(dot + 1);
        FakeFlags fake = flags.get();
        if (!fake.state().declares(flag)) {
            fake.attributes(flag, context(ctx)); // recorded as an undeclared read
            return notFound(key, defaultValue);
        }
        Object raw = fake.attributes(flag, context(ctx)).get(name);
        if (raw == null) {
            return ProviderEvaluation.<T>builder()
                    .value(defaultValue)
                    .reason(Reason.DEFAULT.name())
                    .build();
        }
        T value;
        if (type == Value.class) {
            value = type.cast(toValue(raw));
        } else {
            try {
                value = fake.attribute(flag, name, type, defaultValue, Map.of());
            } catch (FlagTestException e) {
                throw new TypeMismatchError(e.getMessage());
            }
        }
        return ProviderEvaluation.<T>builder()
                .value(value)
                .reason(Reason.STATIC.name())
                .build();
    }

    private static Value toValue(Object attribute) {
        try {
            return Value.objectToValue(attribute);
        } catch (RuntimeException e) {
            throw new TypeMismatchError(
                    "Attribute value " + attribute + " has no OpenFeature Value: " + e.getMessage());
        }
    }

    private static <T> ProviderEvaluation<T> notFound(String key, T defaultValue) {
        return ProviderEvaluation.<T>builder()
                .value(defaultValue)
                .reason(Reason.ERROR.name())
                .errorCode(ErrorCode.FLAG_NOT_FOUND)
                .errorMessage("flag '" + key + "' is not declared in this test's flag state")
                .build();
    }

    private <T> ProviderEvaluation<T> evaluate(String key, Class<T> type, T defaultValue, EvaluationContext ctx) {
        if (key.contains(".")) {
            return attribute(key, type, defaultValue, ctx);
        }
        FakeFlags.Read<T> read;
        try {
            read = flags.get().read(key, type, defaultValue, context(ctx));
        } catch (FlagTestException e) {
            throw new TypeMismatchError(e.getMessage());
        }
        if (!read.declared()) {
            return notFound(key, read.value());
        }
        // a multi-variant flag: TARGETING_MATCH when a rule chose the variant, DEFAULT for the default one
        String reason = !read.targeted()
                ? Reason.STATIC.name()
                : read.ruleMatched() ? Reason.TARGETING_MATCH.name() : Reason.DEFAULT.name();
        return ProviderEvaluation.<T>builder()
                .value(read.value())
                .variant(read.variant() != null ? read.variant() : variant(read.value()))
                .reason(reason)
                .build();
    }

    private static String variant(Object raw) {
        if (raw instanceof Boolean on) {
            return on ? "on" : "off";
        }
        return raw == null ? null : raw.toString();
    }

    private static Map<String, ?> context(EvaluationContext ctx) {
        return ctx == null ? Map.of() : ctx.asObjectMap();
    }
}
