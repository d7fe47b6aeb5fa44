package io.github.flagtest.report;

import io.github.flagtest.shaded.jte.html.OwaspHtmlTemplateOutput;
import io.github.flagtest.shaded.jte.output.StringOutput;
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
        List<String> profiles = report.records().profiles.stream()
                .filter(p -> !p.equals(RunRecords.E2E_PROFILE) && !p.equals(RunRecords.NO_PROFILE))
                .toList();
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

    /** The states of the flag tests of one kind of suite read (or were served), over all profiles. */
    static Set<String> tested(FlagFacts f, String suite) {
        Set<String> values = new TreeSet<>();
        f.coverage.getOrDefault(suite, Map.of()).values().forEach(values::addAll);
        return values;
    }

    /** A signal's CSS class: a retirement signal or a hygiene warning. */
    static String kind(Signal signal) {
        return signal.code().retirement() ? "retire" : "hygiene";
    }

    /** How many flags the deployment in the inventory's column {@code column} holds. */
    static long flagsIn(DeployedFlags deployed, int column) {
        return deployed.flags.values().stream()
                .filter(v -> v.containsKey(column))
                .count();
    }

    /** The tests of the flag's classes that the page does not list by name. */
    static long testsNotListed(FlagFacts f, List<Map.Entry<String, Map<String, FlagFacts.TestGroup>>> listed) {
        return f.testsByClass.values().stream().mapToLong(FlagFacts::tests).sum()
                - listed.stream().mapToLong(e -> FlagFacts.tests(e.getValue())).sum();
    }
}
