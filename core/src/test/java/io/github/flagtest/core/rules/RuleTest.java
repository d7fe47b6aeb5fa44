package io.github.flagtest.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every example of AWS's "Defining rules for multi-variant feature flags"
 * (https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-creating-multi-variant-feature-flags-rules-operators.html)
 * and "Understanding multi-variant feature flag rules" (the split operator,
 * .../appconfig-creating-multi-variant-feature-flags-rules.html), with contexts for which each holds
 * and fails.
 */
@DisplayName("multi-variant flag rules")
class RuleTest {

    private static Map<String, Object> context(String... keyValues) {
        Map<String, Object> context = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            context.put(keyValues[i], keyValues[i + 1]);
        }
        return context;
    }

    @ParameterizedTest(name = "{0} with {1}={2} -> {3}")
    @DisplayName("the operators page's examples")
    @CsvSource(
            delimiter = '|',
            value = {
                "(eq $state \"Virginia\")                       | state     | Virginia                 | true",
                "(eq $state \"Virginia\")                       | state     | Ohio                     | false",
                "(gt $age 65)                                   | age       | 70                       | true",
                "(gt $age 65)                                   | age       | 65                       | false",
                "(gte $age 65)                                  | age       | 65                       | true",
                "(lt $age 65)                                   | age       | 64.5                     | true",
                "(lte $age 65)                                  | age       | 66                       | false",
                "(begins_with $state \"A\")                     | state     | Alabama                  | true",
                "(begins_with $state \"A\")                     | state     | Ohio                     | false",
                "(ends_with $email \"amazon.com\")              | email     | jane@amazon.com          | true",
                "(ends_with $email \"amazon.com\")              | email     | jane@example.com         | false",
                "(contains $promoCode \"WIN\")                  | promoCode | SUMMERWIN24              | true",
                "(contains $promoCode \"WIN\")                  | promoCode | SPRING24                 | false",
                "(in $userId [\"123\", \"456\"])                | userId    | 456                      | true",
                "(in $userId [\"123\", \"456\"])                | userId    | 789                      | false",
                "(matches in::$greeting pattern::\"h.*y\")      | greeting  | hey                      | true",
                "(matches in::$greeting pattern::\"h.*y\")      | greeting  | hello                    | false",
                "(exists key::\"country\")                      | country   | DE                       | true",
                "(exists key::\"country\")                      | city      | Berlin                   | false",
                "(not (eq $state \"Virginia\"))                 | state     | Ohio                     | true",
                "(gt $signup 2024-01)                           | signup    | 2024-02-01T00:00:00Z     | true",
                "(lt $signup 2012-03-04T05:06:07-08:00)         | signup    | 2012-03-04T13:06:06Z     | true",
                "(eq $ratio 1.234e-5)                           | ratio     | 0.00001234               | true",
                "(eq $delta -7)                                 | delta     | -7                       | true",
                "(eq $beta true)                                | beta      | true                     | true",
                "(eq $name \"Ḽơᶉëᶆ ȋṕšᶙṁ\")                      | name      | Ḽơᶉëᶆ ȋṕšᶙṁ              | true"
            })
    void examples(String rule, String key, String value, boolean expected) {
        assertThat(Rule.parse(rule).matches(context(key, value))).isEqualTo(expected);
    }

    @Test
    @DisplayName("and/or combine expressions, as in the page's (and (eq $state \"Virginia\") (gt $age 65))")
    void logical() {
        Rule and = Rule.parse("(and\n    (eq $state \"Virginia\")\n    (gt $age 65)\n)");
        Rule or = Rule.parse("(or (eq $state \"Virginia\") (gt $age 65))");

        assertThat(and.matches(context("state", "Virginia", "age", "70"))).isTrue();
        assertThat(and.matches(context("state", "Virginia", "age", "30"))).isFalse();
        assertThat(or.matches(context("state", "Ohio", "age", "70"))).isTrue();
        assertThat(or.matches(context("state", "Ohio", "age", "30"))).isFalse();
    }

    @Test
    @DisplayName("a context without the key makes the operator false, as AppConfig then serves the next variant")
    void missingKey() {
        assertThat(Rule.parse("(eq $state \"Virginia\")").matches(Map.of())).isFalse();
        assertThat(Rule.parse("(not (eq $state \"Virginia\"))").matches(Map.of()))
                .isTrue();
        assertThat(Rule.parse("(gt $age 65)").matches(context("age", "old"))).isFalse();
    }

    @Nested
    @DisplayName("split")
    class Split {

        private long share(Rule rule, String flag) {
            long hits = 0;
            for (int i = 0; i < 10_000; i++) {
                if (rule.matches(Map.of("userId", "user-" + i), flag)) {
                    hits++;
                }
            }
            return hits;
        }

        @Test
        @DisplayName("(split pct::10 by::$userId seed::\"abc\") is true for about 10% of users, always the same ones")
        void percentage() {
            Rule rule = Rule.parse("(split pct::10 by::$userId seed::\"abc\")");

            assertThat(share(rule, "a")).isBetween(900L, 1_100L);
            assertThat(rule.matches(Map.of("userId", "user-42"), "a"))
                    .isEqualTo(rule.matches(Map.of("userId", "user-42"), "b")); // seed: the same across flags
        }

        @Test
        @DisplayName("without seed, the split is consistent per flag and differs between flags")
        void perFlag() {
            Rule rule = Rule.parse("(split by::$uniqueId pct::20)");
            int differ = 0;
            for (int i = 0; i < 1_000; i++) {
                Map<String, Object> user = Map.of("uniqueId", "u" + i);
                assertThat(rule.matches(user, "flag-a")).isEqualTo(rule.matches(user, "flag-a"));
                if (rule.matches(user, "flag-a") != rule.matches(user, "flag-b")) {
                    differ++;
                }
            }
            assertThat(differ).isPositive();
        }

        @Test
        @DisplayName("A 20 / B 20 / default gives A 20%, B 0%; A 20 / B 25 gives B 5%, as the rules page explains")
        void firstMatchWins() {
            Rule a = Rule.parse("(split by::$uniqueId pct::20)");
            Rule b20 = Rule.parse("(split by::$uniqueId pct::20)");
            Rule b25 = Rule.parse("(split by::$uniqueId pct::25)");
            int bWith20 = 0;
            int bWith25 = 0;
            for (int i = 0; i < 10_000; i++) {
                Map<String, Object> user = Map.of("uniqueId", "id-" + i);
                boolean first = a.matches(user, "ui-refresh");
                bWith20 += !first && b20.matches(user, "ui-refresh") ? 1 : 0;
                bWith25 += !first && b25.matches(user, "ui-refresh") ? 1 : 0;
            }
            assertThat(bWith20).isZero();
            assertThat(bWith25).isBetween(400, 600);
        }
    }

    @Nested
    @DisplayName("malformed rules are refused when read, naming the position")
    class Malformed {

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "(eq $state \"Virginia\"                  | is not closed",
                    "(equals $state \"Virginia\")             | unknown operator 'equals'",
                    "(begins_with $state 5)                   | takes a string here, not 5",
                    "(exists key::$country)                   | takes a string constant as key::, e.g. key::\"country\", not $country",
                    "(matches in::$a pattern::$p)             | takes a string constant as pattern::",
                    "(split by::$userId pct::10 seed::$s)     | takes a string constant as seed::",
                    "(in $userId \"123\")                      | takes a value and a list of constants",
                    "(split pct::200 by::$userId)             | needs pct:: a number from 0 to 100",
                    "(split pct::10)                          | needs by::",
                    "(matches in::$g pattern::\"(\")           | is not a valid regular expression",
                    "(and (eq $a 1))                          | takes two or more expressions",
                    "(not 5)                                  | takes expressions, not 5",
                    "(eq $a)                                  | takes 2 operands, not 1",
                    "(eq $a \"x\") (eq $b \"y\")               | unexpected text after",
                    "eq $a 1                                  | a rule is an expression in parentheses",
                    "(eq $a banana)                           | banana' is not a string"
                })
        void refused(String rule, String problem) {
            assertThatThrownBy(() -> Rule.parse(rule))
                    .isInstanceOf(RuleException.class)
                    .hasMessageStartingWith("rule " + rule + " at position ")
                    .hasMessageContaining(problem);
        }

        @Test
        @DisplayName("the position points at the offending part")
        void position() {
            assertThatThrownBy(() -> Rule.parse("(and (eq $a 1) (foo $b 2))"))
                    .hasMessageStartingWith("rule (and (eq $a 1) (foo $b 2)) at position 16:");
        }
    }
}
