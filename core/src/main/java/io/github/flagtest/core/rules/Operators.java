package io.github.flagtest.core.rules;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Builds each operator's expression from its operands, checking their number and types as it goes. */
final class Operators {

    /** Makes the parse error for a position (-1: the operator's) and a problem. */
    interface Errors {
        RuleException at(int position, String problem);
    }

    private Operators() {}

    static Expr build(String op, List<Operand> args, Map<String, Operand> named, Errors errors, int start) {
        switch (op) {
            case "eq", "gt", "gte", "lt", "lte" -> {
                positional(op, args, named, 2, errors);
                Operand left = args.get(0);
                Operand right = args.get(1);
                return (context, flag) -> compare(op, left.value(context, flag), right.value(context, flag));
            }
            case "and", "or" -> {
                if (args.size() < 2 || !named.isEmpty()) {
                    throw errors.at(-1, "(" + op + " ...) takes two or more expressions");
                }
                args.forEach(arg -> requireBoolean(op, arg, errors));
                boolean and = op.equals("and");
                return (context, flag) -> and
                        ? args.stream().allMatch(arg -> truth(arg.value(context, flag)))
                        : args.stream().anyMatch(arg -> truth(arg.value(context, flag)));
            }
            case "not" -> {
                positional(op, args, named, 1, errors);
                requireBoolean(op, args.get(0), errors);
                return (context, flag) -> !truth(args.get(0).value(context, flag));
            }
            case "begins_with", "ends_with", "contains" -> {
                positional(op, args, named, 2, errors);
                requireString(op, args.get(1), errors);
                return (context, flag) -> {
                    Object value = args.get(0).value(context, flag);
                    Object part = args.get(1).value(context, flag);
                    if (value == null || part == null) {
                        return false;
                    }
                    String text = value.toString();
                    String piece = part.toString();
                    return switch (op) {
                        case "begins_with" -> text.startsWith(piece);
                        case "ends_with" -> text.endsWith(piece);
                        default -> text.contains(piece);
                    };
                };
            }
            case "in" -> {
                positional(op, args, named, 2, errors);
                if (!(args.get(1) instanceof Operand.Literal list && list.value() instanceof List<?>)) {
                    throw errors.at(
                            -1, "(in ...) takes a value and a list of constants, e.g. (in $userId [\"123\", \"456\"])");
                }
                List<?> constants = (List<?>) ((Operand.Literal) args.get(1)).value();
                return (context, flag) -> {
                    Object value = args.get(0).value(context, flag);
                    return value != null && constants.stream().anyMatch(constant -> compare("eq", value, constant));
                };
            }
            case "matches" -> {
                only(op, args, named, Set.of("in", "pattern"), Set.of("in", "pattern"), errors);
                Operand in = named.get("in");
                requireStringConstant(op, "pattern", named.get("pattern"), errors);
                Pattern pattern = RuleParser.regex(
                        (String) ((Operand.Literal) named.get("pattern")).value(), problem -> errors.at(-1, problem));
                return (context, flag) -> {
                    Object value = in.value(context, flag);
                    return value != null && pattern.matcher(value.toString()).find();
                };
            }
            case "exists" -> {
                only(op, args, named, Set.of("key"), Set.of("key"), errors);
                requireStringConstant(op, "key", named.get("key"), errors);
                String key = (String) ((Operand.Literal) named.get("key")).value();
                return (context, flag) -> context.get(key) != null;
            }
            case "split" -> {
                only(op, args, named, Set.of("pct", "by", "seed"), Set.of("pct", "by"), errors);
                if (!(named.get("pct") instanceof Operand.Literal pct && pct.value() instanceof Number percent)
                        || percent.doubleValue() < 0
                        || percent.doubleValue() > 100) {
                    throw errors.at(-1, "(split ...) needs pct:: a number from 0 to 100");
                }
                double share = ((Number) ((Operand.Literal) named.get("pct")).value()).doubleValue();
                Operand by = named.get("by");
                String seed = null;
                if (named.containsKey("seed")) {
                    requireStringConstant(op, "seed", named.get("seed"), errors);
                    seed = (String) ((Operand.Literal) named.get("seed")).value();
                }
                String fixedSeed = seed;
                return (context, flag) -> {
                    Object value = by.value(context, flag);
                    return value != null
                            && bucket(fixedSeed != null ? fixedSeed : flag, value.toString()) < share * 100;
                };
            }
            default -> throw errors.at(-1, "unknown operator '" + op + "'");
        }
    }

    /** 0..9999, the same for the same salt and value in every run. */
    static long bucket(String salt, String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((salt + "\u0000" + value).getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (hash[i] & 0xff);
            }
            return Long.remainderUnsigned(bits, 10_000);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    /** eq/gt/gte/lt/lte as AppConfig compares: numbers as numbers, timestamps in time, strings and booleans as such. */
    static boolean compare(String op, Object left, Object right) {
        if (left == null || right == null) {
            return false;
        }
        Integer order = order(left, right);
        if (order == null) {
            return false;
        }
        return switch (op) {
            case "eq" -> order == 0;
            case "gt" -> order > 0;
            case "gte" -> order >= 0;
            case "lt" -> order < 0;
            default -> order <= 0;
        };
    }

    private static Integer order(Object left, Object right) {
        if (left instanceof Instant || right instanceof Instant) {
            Instant a = Timestamps.of(left);
            Instant b = Timestamps.of(right);
            return a == null || b == null ? null : a.compareTo(b);
        }
        if (left instanceof Number || right instanceof Number) {
            BigDecimal a = number(left);
            BigDecimal b = number(right);
            return a == null || b == null ? null : a.compareTo(b);
        }
        if (left instanceof Boolean || right instanceof Boolean) {
            Boolean a = bool(left);
            Boolean b = bool(right);
            return a == null || b == null ? null : (Objects.equals(a, b) ? 0 : null);
        }
        return left.toString().compareTo(right.toString());
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString();
        return text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
    }

    private static boolean truth(Object value) {
        return Boolean.TRUE.equals(bool(value == null ? "" : value));
    }

    private static void positional(
            String op, List<Operand> args, Map<String, Operand> named, int count, Errors errors) {
        if (args.size() != count || !named.isEmpty()) {
            throw errors.at(
                    -1,
                    "(" + op + " ...) takes " + count + (count == 1 ? " operand" : " operands") + ", not "
                            + (args.size() + named.size()));
        }
    }

    private static void only(
            String op,
            List<Operand> args,
            Map<String, Operand> named,
            Set<String> allowed,
            Set<String> required,
            Errors errors) {
        if (!args.isEmpty()) {
            throw errors.at(
                    -1,
                    "(" + op + " ...) takes named operands only: "
                            + allowed.stream().sorted().map(name -> name + "::").toList());
        }
        for (String name : named.keySet()) {
            if (!allowed.contains(name)) {
                throw errors.at(-1, "(" + op + " ...) has no operand '" + name + "::'");
            }
        }
        for (String name : required) {
            if (!named.containsKey(name)) {
                throw errors.at(-1, "(" + op + " ...) needs " + name + "::");
            }
        }
    }

    private static void requireString(String op, Operand operand, Errors errors) {
        if (operand instanceof Operand.Literal literal && !(literal.value() instanceof String)) {
            throw errors.at(literal.position(), "(" + op + " ...) takes a string here, not " + literal.value());
        }
    }

    /** Operands AWS takes as constants only, e.g. {@code (exists key::"country")}, not {@code key::$country}. */
    private static void requireStringConstant(String op, String name, Operand operand, Errors errors) {
        if (!(operand instanceof Operand.Literal literal && literal.value() instanceof String)) {
            throw errors.at(
                    -1,
                    "(" + op + " ...) takes a string constant as " + name + "::, e.g. " + name + "::\"country\", not "
                            + (operand == null ? "an expression" : operand));
        }
    }

    private static void requireBoolean(String op, Operand operand, Errors errors) {
        if (operand instanceof Operand.Literal literal && !(literal.value() instanceof Boolean)) {
            throw errors.at(literal.position(), "(" + op + " ...) takes expressions, not " + literal.value());
        }
    }
}
