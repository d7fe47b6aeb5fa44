package io.github.flagtest.core.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads AppConfig's rule syntax: {@code (operator operand... name::operand...)}. */
final class RuleParser {

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern FLOAT = Pattern.compile("-?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");
    private static final Set<String> OPERATORS = Set.of(
            "eq",
            "gt",
            "gte",
            "lt",
            "lte",
            "and",
            "or",
            "not",
            "begins_with",
            "ends_with",
            "contains",
            "in",
            "matches",
            "exists",
            "split");

    private final String text;
    private int pos;

    RuleParser(String text) {
        this.text = text == null ? "" : text;
    }

    Rule parse() {
        skipSpace();
        if (pos >= text.length() || text.charAt(pos) != '(') {
            throw error("a rule is an expression in parentheses, e.g. (eq $tier \"gold\")");
        }
        Expr rule = expression();
        skipSpace();
        if (pos < text.length()) {
            throw error("unexpected text after the rule's closing parenthesis");
        }
        return rule;
    }

    private Expr expression() {
        int start = pos;
        pos++; // '('
        skipSpace();
        String operator = word();
        if (operator.isEmpty()) {
            throw error("expected an operator after '('");
        }
        if (!OPERATORS.contains(operator)) {
            pos = start + 1;
            throw error("unknown operator '" + operator + "'; AppConfig's are " + new java.util.TreeSet<>(OPERATORS));
        }
        List<Operand> positional = new ArrayList<>();
        Map<String, Operand> named = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                pos = start;
                throw error("the expression (" + operator + " ...) is not closed: a ')' is missing");
            }
            if (text.charAt(pos) == ')') {
                pos++;
                break;
            }
            int at = pos;
            String name = namedPrefix();
            Operand operand = operand();
            if (name != null) {
                if (named.put(name, operand) != null) {
                    pos = at;
                    throw error("'" + name + "::' is given twice");
                }
            } else {
                positional.add(operand);
            }
        }
        return Operators.build(
                operator,
                positional,
                named,
                (position, problem) -> {
                    pos = position < 0 ? start : position;
                    return error(problem);
                },
                start);
    }

    /** {@code name::} before an operand, or null. */
    private String namedPrefix() {
        Matcher matcher = Pattern.compile("[a-zA-Z_]+::").matcher(text).region(pos, text.length());
        if (matcher.lookingAt()) {
            pos = matcher.end();
            return matcher.group().substring(0, matcher.group().length() - 2);
        }
        return null;
    }

    private Operand operand() {
        skipSpace();
        char c = text.charAt(pos);
        if (c == '(') {
            return expression();
        }
        if (c == '"') {
            return new Operand.Literal(string(), pos);
        }
        if (c == '[') {
            return list();
        }
        if (c == '$') {
            int at = pos;
            pos++;
            String key = word();
            if (key.isEmpty()) {
                pos = at;
                throw error("'$' must be followed by a context key, e.g. $userId");
            }
            return new Operand.ContextValue(key);
        }
        if (c == ')') {
            throw error("expected an operand");
        }
        int at = pos;
        String token = token();
        return new Operand.Literal(literal(token, at), at);
    }

    private Operand list() {
        int at = pos;
        pos++; // '['
        List<Object> values = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                pos = at;
                throw error("the list is not closed: a ']' is missing");
            }
            char c = text.charAt(pos);
            if (c == ']') {
                pos++;
                return new Operand.Literal(List.copyOf(values), at);
            }
            if (c == ',') {
                pos++;
                continue;
            }
            int start = pos;
            values.add(c == '"' ? string() : literal(token(), start));
        }
    }

    private String string() {
        int at = pos;
        pos++; // opening quote
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\' && pos < text.length()) {
                c = text.charAt(pos++);
            }
            value.append(c);
        }
        pos = at;
        throw error("the string is not closed: a '\"' is missing");
    }

    private Object literal(String token, int at) {
        if (token.equals("true") || token.equals("false")) {
            return Boolean.valueOf(token);
        }
        if (INTEGER.matcher(token).matches()) {
            try {
                return Long.valueOf(token);
            } catch (NumberFormatException e) {
                pos = at;
                throw error("the integer " + token + " does not fit in 64 bits");
            }
        }
        if (FLOAT.matcher(token).matches()) {
            return Double.valueOf(token);
        }
        try {
            return Timestamps.parse(token);
        } catch (IllegalArgumentException e) {
            pos = at;
            throw error("'" + token + "' is not a string (in double quotes), number, timestamp, true, false,"
                    + " $key or (expression)");
        }
    }

    /** Characters up to the next space, parenthesis, bracket or comma. */
    private String token() {
        int start = pos;
        while (pos < text.length() && " \t\r\n()[],".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String word() {
        int start = pos;
        while (pos < text.length()
                && (Character.isLetterOrDigit(text.charAt(pos)) || "_-.".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private RuleException error(String problem) {
        return new RuleException(text, pos, problem);
    }

    /** Compiles a regular expression of a {@code matches} rule, or names what is wrong with it. */
    static Pattern regex(String pattern, java.util.function.Function<String, RuleException> error) {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw error.apply("pattern \"" + pattern + "\" is not a valid regular expression: " + e.getDescription());
        }
    }
}
