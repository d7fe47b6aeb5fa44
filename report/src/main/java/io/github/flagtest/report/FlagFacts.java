package io.github.flagtest.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Everything the records say about one flag, gathered while reading them. */
final class FlagFacts {

    /** Test names kept per flag, over all its groups: the report shows counts for the rest. */
    static final int SAMPLE_TESTS = 20;
    /** Test classes the report lists per flag, the largest first; the rest are counted. */
    static final int LISTED_CLASSES = 10;

    final String name;
    String description = "";
    String defaultValue;
    boolean inCatalog;
    boolean deprecated;
    Optional<Instant> createdAt = Optional.empty();
    final Map<String, String> profileValues = new TreeMap<>();
    /** The catalog's attribute values, as {@code name=value, ...}; null when none. */
    String defaultAttributes;
    /** Profile -> its attribute values of this flag, as {@code name=value, ...}. */
    final Map<String, String> profileAttributes = new TreeMap<>();
    /** Source lines of the code under test that read the flag. */
    final Map<String, Long> sites = new LinkedHashMap<>();
    /** Flags read by name over HTTP (the agent path's ?flag=): reads without a source line. */
    final Map<String, Long> served = new LinkedHashMap<>();
    /** Whole documents holding the flag served over HTTP: not reads, the code may never look at it. */
    final Map<String, Long> servedWhole = new LinkedHashMap<>();

    long reads;
    /** The catalog's variants of a multi-variant flag, in order; empty for an on/off flag. */
    final List<String> variants = new ArrayList<>();
    /** Variant name -> reads that were served it. */
    final Map<String, Long> variantsServed = new TreeMap<>();
    /** suite (unit, matrix, e2e) -> profile -> values tested. */
    final Map<String, Map<String, Set<String>>> coverage = new TreeMap<>();

    /** declaredAt -> calls seen while the flag was ON and while OFF, over all tests. */
    final Map<String, EntryPointCalls> entryPoints = new TreeMap<>();

    long tests;
    /** Tests that declared the flag and passed or read a flag. */
    long conclusiveTests;

    /** test class -> the flag's state in the test -> how many tests, and some names. */
    final Map<String, Map<String, TestGroup>> testsByClass = new java.util.HashMap<>(); // sorted when shown

    private int namesKept;

    boolean declaredInTests;
    /**
     * The states E2E runs had the flag in. The function reads its flags in its own JVM, where
     * flagtest does not see reads: a run with a state is not coverage of it.
     */
    final Set<String> ranInE2e = new TreeSet<>();
    /** How the tests that had this flag ended, each test once. */
    final Map<Outcome, Long> outcomes = new java.util.EnumMap<>(Outcome.class);

    FlagFacts(String name) {
        this.name = name;
    }

    void covered(String suite, String profile, String value) {
        if (value == null) {
            return;
        }
        coverage.computeIfAbsent(suite, s -> new TreeMap<>())
                .computeIfAbsent(profile, p -> new TreeSet<>())
                .add(value);
    }

    Set<String> valuesTested() {
        Set<String> values = new TreeSet<>();
        coverage.values().forEach(byProfile -> byProfile.values().forEach(values::addAll));
        return values;
    }

    /** The states tests of one kind of suite (unit, matrix, e2e) read or were served, over all profiles. */
    Set<String> valuesTested(String suite) {
        Set<String> values = new TreeSet<>();
        for (Set<String> byProfile : coverage.getOrDefault(suite, Map.of()).values()) {
            values.addAll(byProfile);
        }
        return values;
    }

    /** One test that had this flag, listed under each state the flag had in it: {@code first}, then {@code others}. */
    void ranIn(String testClass, String first, Set<String> others, String test, Outcome outcome) {
        tests++;
        outcomes.merge(outcome, 1L, Long::sum);
        Map<String, TestGroup> byState = testsByClass.computeIfAbsent(testClass, c -> new TreeMap<>());
        ranIn(byState, first, test, outcome);
        if (others != null) {
            others.forEach(state -> ranIn(byState, state, test, outcome));
        }
    }

    private void ranIn(Map<String, TestGroup> byState, String state, String test, Outcome outcome) {
        TestGroup group = byState.computeIfAbsent(state == null ? "not set" : state, s -> new TestGroup());
        group.count++;
        Outcome shown = group.names.get(test);
        if (shown != null) { // the same test in another profile run
            group.names.put(test, Outcome.worse(shown, outcome));
        } else if (namesKept < SAMPLE_TESTS) {
            if (group.names.isEmpty()) {
                group.names = new LinkedHashMap<>();
            }
            group.names.put(test, outcome);
            namesKept++;
        } else {
            group.more = true;
        }
    }

    /** The test classes with the most tests of this flag, at most {@link #LISTED_CLASSES}, largest first. */
    List<Map.Entry<String, Map<String, TestGroup>>> listedClasses() {
        record Sized(Map.Entry<String, Map<String, TestGroup>> entry, long tests) {}
        return testsByClass.entrySet().stream()
                .map(entry -> new Sized(entry, tests(entry.getValue())))
                .sorted(Comparator.comparingLong(Sized::tests)
                        .reversed()
                        .thenComparing(sized -> sized.entry().getKey()))
                .limit(LISTED_CLASSES)
                .map(Sized::entry)
                .toList();
    }

    static long tests(Map<String, TestGroup> byState) {
        long tests = 0; // runs for every class of every flag: no stream
        for (TestGroup group : byState.values()) {
            tests += group.count;
        }
        return tests;
    }

    /** The tests of one class with one state of the flag: how many, and the first names. */
    static final class TestGroup {
        long count;
        /** Whether names were left out. */
        boolean more;

        /** Test name -> how it ended; a test of several profile runs once, its worst outcome. */
        Map<String, Outcome> names = Map.of(); // most groups keep no name
    }

    /** The calls an entry point got, by the flag's state at the time of each call. */
    static final class EntryPointCalls {
        final String kind;
        long on;
        long off;

        EntryPointCalls(String kind) {
            this.kind = kind;
        }
    }

    /** The catalog's variants that no read was served, in catalog order. */
    List<String> variantsNeverServed() {
        return variants.stream().filter(v -> !variantsServed.containsKey(v)).toList();
    }
}
