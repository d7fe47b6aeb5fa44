package io.github.flagtest.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/** The values an AppConfig flag attribute may hold: a string, a number, a boolean, or an array of them. */
final class AttributeValues {

    private AttributeValues() {}

    /** {@code value} as kept in a {@link FlagState} (lists copied unmodifiable), or an error naming {@code where}. */
    static Object check(String where, Object value) {
        if (value instanceof String || value instanceof Boolean || isNumber(value)) {
            return value;
        }
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (!(element instanceof String || element instanceof Boolean || isNumber(element))) {
                    throw invalid(where, element);
                }
            }
            return List.copyOf(list);
        }
        throw invalid(where, value);
    }

    private static boolean isNumber(Object value) {
        return value instanceof Integer
                || value instanceof Long
                || value instanceof Double
                || value instanceof Float
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigDecimal
                || value instanceof BigInteger;
    }

    private static FlagTestException invalid(String where, Object value) {
        return new FlagTestException(where + " is " + value
                + (value == null ? "" : " of type " + value.getClass().getName())
                + "; an attribute value is a String, a Number, a Boolean or a List of them, as AppConfig's"
                + " attribute types string, number, boolean and arrays");
    }
}
