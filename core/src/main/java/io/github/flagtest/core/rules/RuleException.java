package io.github.flagtest.core.rules;

/**
 * A variant rule that AWS AppConfig would not accept: malformed, an unknown operator, or an
 * operand of the wrong type. The message names the position in the rule.
 *
 * @since 0.1.0
 */
public final class RuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    RuleException(String rule, int position, String problem) {
        super("rule " + rule + " at position " + position + ": " + problem);
    }
}
