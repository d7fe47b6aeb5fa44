package io.github.flagtest.core;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;

/** Converts a stored flag value (Boolean or variant String) to the type a caller asks for. */
final class FlagValues {

    private static final Map<Class<?>, Function<String, ?>> NUMBERS = Map.of(
            Integer.class, Integer::valueOf,
            Long.class, Long::valueOf,
            Double.class, Double::valueOf,
            Float.class, Float::valueOf,
            Short.class, Short::valueOf,
            Byte.class, Byte::valueOf,
            BigDecimal.class, BigDecimal::new,
            Number.class, BigDecimal::new);

    private FlagValues() {}

    static <T> T convert(String flag, Object value, Class<T> type) {
        if (type == Boolean.class) {
            return type.cast(FlagState.isOnValue(value));
        }
        if (type == String.class) {
            return type.cast(String.valueOf(value));
        }
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        Function<String, ?> parser = NUMBERS.get(type);
        if (parser != null && value instanceof String text) {
            try {
                return type.cast(parser.apply(text.trim()));
            } catch (NumberFormatException e) {
                throw mismatch(flag, value, type, e);
            }
        }
        throw mismatch(flag, value, type, null);
    }

    /** An attribute value (String, Number, Boolean or List) as {@code type}; numbers convert between types. */
    static <T> T attribute(String flag, String name, Object value, Class<T> type) {
        if (type.isInstance(value)) {
            return type.cast(value);
        }
        Function<String, ?> parser = NUMBERS.get(type);
        if (parser != null && value instanceof Number number) {
            try {
                BigDecimal exact = new BigDecimal(number.toString());
                Object converted = parser.apply(exact.stripTrailingZeros().toPlainString());
                if (new BigDecimal(converted.toString()).compareTo(exact) == 0) {
                    return type.cast(converted);
                }
            } catch (NumberFormatException e) {
                // not representable as the type asked for: reported below
            }
        }
        if (type == String.class) {
            return type.cast(String.valueOf(value));
        }
        throw new FlagTestException("Attribute '" + name + "' of flag '" + flag + "' is " + value + " ("
                + value.getClass().getSimpleName() + "), which cannot be read as " + type.getSimpleName()
                + "; read it as " + value.getClass().getSimpleName() + " or declare the attribute's type to match");
    }

    private static FlagTestException mismatch(String flag, Object value, Class<?> type, Throwable cause) {
        return new FlagTestException(
                "Flag '" + flag + "' is " + FlagState.describe(value) + ", which cannot be read as "
                        + type.getSimpleName() + "; read it as Boolean or String, or give it a numeric variant",
                cause);
    }
}
