package io.github.flagtest.report;

import io.github.flagtest.shaded.jte.html.OwaspHtmlTemplateOutput;
import io.github.flagtest.shaded.jte.output.StringOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The single self-contained page, rendered from the jte templates in {@code src/main/jte} (inline CSS and a
 * little vanilla JS, light and dark). jte-maven-plugin compiles them to Java at build time and every value is
 * escaped for where it lands (element text, attribute, script); this class calls the generated page directly.
 */
final class HtmlPage {

    static final List<String> SUITES = List.of("unit", "matrix", "e2e");

    /** About the size of the page for 200 flags: the text is built once, without growing. */
    private static final int CAPACITY = 640 * 1024;

    private HtmlPage() {}

    static String render(FlagReport report) {
        List<String> profiles = new ArrayList<>();
        for (String profile : report.records().profiles) {
            if (!profile.equals(RunRecords.E2E_PROFILE) && !profile.equals(RunRecords.NO_PROFILE)) {
                profiles.add(profile);
            }
        }
        StringOutput page = new StringOutput(CAPACITY);
        JtepageGenerated.render(new OwaspHtmlTemplateOutput(page), null, report, profiles);
        return page.toString();
    }

    /** The flag's name as an element id: anything but letters, digits, '_' and '-' becomes '_'. */
    static String anchor(String flag) {
        char[] id = flag.toCharArray();
        for (int i = 0; i < id.length; i++) {
            char c = id[i];
            boolean kept =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!kept) {
                id[i] = '_';
            }
        }
        return new String(id);
    }

    // Loops rather than streams here and in the templates: each lambda costs its first run in a fresh JVM.

    /** Whether a flag has variants: the page then has a grid of its own for them. */
    static boolean hasVariantFlags(FlagReport report) {
        for (FlagReport.Entry entry : report.entries()) {
            if (!entry.facts().variants.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the states hold an ON: anything but OFF (a variant counts as on). */
    static boolean on(Set<String> states) {
        for (String state : states) {
            if (!state.equals("OFF")) {
                return true;
            }
        }
        return false;
    }

    /** The inventory's sources that could not be read. */
    static long failedSources(DeployedFlags deployed) {
        long failed = 0;
        for (DeployedFlags.Source source : deployed.sources) {
            if (source.error() != null) {
                failed++;
            }
        }
        return failed;
    }

    /**
     * The states E2E runs had a multi-variant flag in, as variant names: a run records a variant
     * state as its default variant, {@code "classic (OFF)"} when that variant is disabled.
     */
    static Set<String> ranVariants(FlagFacts f) {
        Set<String> names = new TreeSet<>();
        for (String state : f.ranInE2e) {
            names.add(state.endsWith(" (OFF)") ? state.substring(0, state.length() - " (OFF)".length()) : state);
        }
        return names;
    }

    /** A signal's CSS class: a retirement signal or a hygiene warning. */
    static String kind(Signal signal) {
        return signal.code().retirement() ? "retire" : "hygiene";
    }

    /** How many flags the deployment in the inventory's column {@code column} holds. */
    static long flagsIn(DeployedFlags deployed, int column) {
        long flags = 0;
        for (Map<Integer, DeployedFlags.Value> values : deployed.flags.values()) {
            if (values.containsKey(column)) {
                flags++;
            }
        }
        return flags;
    }

    /** The tests of the flag's classes that the page does not list by name. */
    static long testsNotListed(FlagFacts f, List<Map.Entry<String, Map<String, FlagFacts.TestGroup>>> listed) {
        long tests = 0;
        for (Map<String, FlagFacts.TestGroup> byState : f.testsByClass.values()) {
            tests += FlagFacts.tests(byState);
        }
        for (Map.Entry<String, Map<String, FlagFacts.TestGroup>> listedClass : listed) {
            tests -= FlagFacts.tests(listedClass.getValue());
        }
        return tests;
    }
}
