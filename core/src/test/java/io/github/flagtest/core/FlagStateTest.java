package io.github.flagtest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FlagStateTest {

    @Test
    @DisplayName("a Boolean true or any variant is ON; false and absent flags are OFF")
    void onAndOff() {
        FlagState state = FlagState.of(Map.of("a", true, "b", false, "c", "B"));

        assertThat(state.isOn("a")).isTrue();
        assertThat(state.isOn("b")).isFalse();
        assertThat(state.isOn("c")).isTrue();
        assertThat(state.isOn("absent")).isFalse();
        assertThat(state.value("c")).contains("B");
        assertThat(state.value("absent")).isEmpty();
    }

    @Test
    @DisplayName("with() returns a new state and leaves the original unchanged")
    void immutable() {
        FlagState original = FlagState.of(Map.of("a", true));
        FlagState changed = original.with("a", false).with("b", "X");

        assertThat(original.asMap()).containsExactly(Map.entry("a", true));
        assertThat(changed.asMap()).containsExactly(Map.entry("a", false), Map.entry("b", "X"));
        assertThatThrownBy(() -> original.asMap().put("x", true)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("keeps declaration order and prints like a matrix display name")
    void toStringInOrder() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("loyalty-points", true);
        values.put("free-shipping", false);
        values.put("checkout", "B");

        assertThat(FlagState.of(values)).hasToString("[loyalty-points=ON, free-shipping=OFF, checkout=B]");
        assertThat(FlagState.of(values).flags()).containsExactly("loyalty-points", "free-shipping", "checkout");
    }

    @Test
    @DisplayName("equal assignments are equal states")
    void equality() {
        assertThat(FlagState.of(Map.of("a", true))).isEqualTo(FlagState.empty().with("a", true));
        assertThat(FlagState.of(Map.of("a", true)).hashCode())
                .isEqualTo(FlagState.empty().with("a", true).hashCode());
        assertThat(FlagState.of(Map.of("a", true))).isNotEqualTo(FlagState.of(Map.of("a", "true")));
    }

    @Test
    @DisplayName("rejects blank names and values that are neither Boolean nor String")
    void rejectsBadInput() {
        assertThatThrownBy(() -> FlagState.empty().with(" ", true))
                .isInstanceOf(FlagTestException.class)
                .hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> FlagState.of(Map.of("n", 3)))
                .isInstanceOf(FlagTestException.class)
                .hasMessage(
                        "Flag 'n' has value 3 of type java.lang.Integer; use a Boolean for an on/off flag, a String for a variant or Variants for a multi-variant flag");
    }
}
