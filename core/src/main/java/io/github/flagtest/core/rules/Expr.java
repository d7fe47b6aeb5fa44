package io.github.flagtest.core.rules;

import java.util.Map;

/** A parsed expression: a rule, and an operand of {@code and}, {@code or} and {@code not}. */
interface Expr extends Rule, Operand {

    @Override
    default Object value(Map<String, ?> context, String flag) {
        return matches(context, flag);
    }
}
