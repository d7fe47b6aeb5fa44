package io.github.flagtest.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FakeFlagsProviderTest {

    private final FakeFlags flags =
            new FakeFlags(FlagState.of(Map.of("dynamic-discount", true, "tier", "gold", "limit", "7")));
    private final FakeFlagsProvider provider = new FakeFlagsProvider(flags);

    @Test
    @DisplayName("answers boolean and variant flags and records the evaluation context")
    void answersAndRecords() {
        ProviderEvaluation<Boolean> on =
                provider.getBooleanEvaluation("dynamic-discount", false, new ImmutableContext("user-1"));

        assertThat(on.getValue()).isTrue();
        assertThat(on.getReason()).isEqualTo(Reason.STATIC.name());
        assertThat(on.getVariant()).isEqualTo("on");
        ProviderEvaluation<String> pinned = provider.getStringEvaluation("tier", "basic", null);
        assertThat(pinned.getValue()).isEqualTo("gold");
        assertThat(pinned.getVariant()).isEqualTo("gold");
        assertThat(pinned.getReason()).as("a pinned variant is static").isEqualTo(Reason.STATIC.name());
        ProviderEvaluation<Boolean> undeclared = provider.getBooleanEvaluation("nobody-declared", true, null);
        assertThat(undeclared.getValue()).isTrue();
        assertThat(undeclared.getReason()).isEqualTo(Reason.ERROR.name());
        assertThat(provider.getIntegerEvaluation("limit", 0, null).getValue()).isEqualTo(7);
        // an object evaluation answers the flag as AppConfig serves it: enabled, _variant, attributes
        var tier = provider.getObjectEvaluation("tier", new Value(), null)
                .getValue()
                .asStructure();
        assertThat(tier.getValue("_variant").asString()).isEqualTo("gold");
        assertThat(tier.getValue("enabled").asBoolean()).isTrue();
        assertThat(flags.evaluations("dynamic-discount").get(0).context()).isEqualTo(Map.of("targetingKey", "user-1"));
    }

    @Test
    @DisplayName("a multi-variant flag is evaluated against the OpenFeature context: targeting key and attributes")
    void targeting() {
        flags.set(
                "checkout",
                Variants.of(java.util.List.of(
                        new Variants.Variant(
                                "Gold",
                                true,
                                java.util.Optional.of("(and (eq $targetingKey \"user-1\") (eq $tier \"gold\"))"),
                                Map.of()),
                        new Variants.Variant("Default", false, java.util.Optional.empty(), Map.of()))));

        ProviderEvaluation<Boolean> gold = provider.getBooleanEvaluation(
                "checkout", false, new ImmutableContext("user-1", Map.of("tier", new Value("gold"))));
        ProviderEvaluation<Boolean> other = provider.getBooleanEvaluation(
                "checkout", true, new ImmutableContext("user-2", Map.of("tier", new Value("gold"))));

        assertThat(gold.getValue()).isTrue();
        assertThat(gold.getVariant()).isEqualTo("Gold");
        assertThat(gold.getReason()).isEqualTo(Reason.TARGETING_MATCH.name());
        assertThat(other.getValue()).isFalse();
        assertThat(other.getVariant()).isEqualTo("Default");
        assertThat(other.getReason()).isEqualTo(Reason.DEFAULT.name());
        assertThat(flags.evaluations("checkout"))
                .extracting(Evaluation::variant)
                .containsExactly("Gold", "Default");
    }

    @Test
    @DisplayName(
            "answers the caller's default for a flag the test did not declare, with reason ERROR and FLAG_NOT_FOUND"
                    + " (OpenFeature's evaluation.feature)")
    void undeclaredAnswersDefault() {
        ProviderEvaluation<Boolean> answer = provider.getBooleanEvaluation("unknown", true, null);

        assertThat(answer.getValue()).isTrue();
        assertThat(answer.getReason()).isEqualTo(Reason.ERROR.name());
        assertThat(answer.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
        assertThat(provider.getObjectEvaluation("unknown", new Value("d"), null)
                        .getValue()
                        .asString())
                .isEqualTo("d");
        assertThat(flags.undeclaredReads()).containsExactly("unknown");
    }

    @Test
    @DisplayName("reports a type mismatch as OpenFeature's TYPE_MISMATCH error")
    void typeMismatch() {
        var api = dev.openfeature.sdk.OpenFeatureAPI.getInstance();
        String domain = "flagtest-provider-test";
        api.setProviderAndWait(domain, provider);
        try {
            var details = api.getClient(domain).getIntegerDetails("tier", 3);
            assertThat(details.getValue()).isEqualTo(3);
            assertThat(details.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
            assertThat(details.getErrorMessage()).contains("Flag 'tier' is gold, which cannot be read as Integer");
        } finally {
            api.setProviderAndWait(domain, new dev.openfeature.sdk.NoOpProvider());
        }
    }
}
