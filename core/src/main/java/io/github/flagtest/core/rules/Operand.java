package io.github.flagtest.core.rules;

import java.util.Map;

/** What an operator works on: a literal, a {@code $key} of the context, or another expression. */
interface Operand {

    /** The operand's value for {@code context}; null when a context key is missing. */
    Object value(Map<String, ?> context, String flag);

    /** A string, number, timestamp, boolean or list written in the rule; {@code position} is where. */
    record Literal(Object value, int position) implements Operand {
        @Override
        public Object value(Map<String, ?> context, String flag) {
            return value;
        }

        @Override
        public String toString() {
            return value instanceof String text ? '"' + text + '"' : String.valueOf(value);
        }
    }

    /** {@code $key}: the context's value for the key, or null. */
    record ContextValue(String key) implements Operand {
        @Override
        public Object value(Map<String, ?> context, String flag) {
            return context.get(key);
        }

        @Override
        public String toString() {
            return "$" + key;
        }
    }
}
