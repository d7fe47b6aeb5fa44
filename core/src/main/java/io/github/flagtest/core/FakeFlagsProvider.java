package io.github.flagtest.core;

import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.TypeMismatchError;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An OpenFeature {@link FeatureProvider} that answers from a {@link FakeFlags} (needs
 * {@code dev.openfeature:sdk} on the class path). Every evaluation is recorded with its context.
 *
 * <p>Boolean flags answer {@code getBooleanValue}; variant flags answer {@code getStringValue} (and
 * the number getters when the variant is numeric); a flag the fake does not declare answers the
 * caller's default, with reason {@code DEFAULT}.
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

    /** A provider answering from {@code flags}. */
    public FakeFlagsProvider(FakeFlags flags) {
        Objects.requireNonNull(flags, "flags");
        this.flags = () -> flags;
    }

    /** A provider answering from whatever fake {@code flags} supplies at each evaluation. */
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
        FakeFlags fake = flags.get();
        Object raw = fake.value(key, Object.class, null, context(ctx));
        if (raw == null) {
            return ProviderEvaluation.<Value>builder()
                    .value(defaultValue)
                    .reason(Reason.DEFAULT.name())
                    .build();
        }
        Value value = raw instanceof Boolean on ? new Value(on) : new Value((String) raw);
        return ProviderEvaluation.<Value>builder()
                .value(value)
                .variant(variant(raw))
                .reason(Reason.STATIC.name())
                .build();
    }

    private <T> ProviderEvaluation<T> evaluate(String key, Class<T> type, T defaultValue, EvaluationContext ctx) {
        FakeFlags.Read<T> read;
        try {
            read = flags.get().read(key, type, defaultValue, context(ctx));
        } catch (FlagTestException e) {
            throw new TypeMismatchError(e.getMessage());
        }
        if (!read.declared()) {
            return ProviderEvaluation.<T>builder()
                    .value(read.value())
                    .reason(Reason.DEFAULT.name())
                    .build();
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
