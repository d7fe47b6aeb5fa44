package io.github.flagtest.report.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("the report's flag table in Chromium")
@ExtendWith(ChromiumExtension.class)
class FlagTableTest {

    @Nested
    @DisplayName("the filter box")
    class Filter {

        @Test
        @DisplayName("keeps the rows whose text matches, ignoring case, as the user types")
        void byName(ReportPage page) {
            List<String> all = page.shownFlags();
            assertThat(all).hasSizeGreaterThan(5);

            page.filter("SHIPPING");

            assertThat(page.shownFlags()).containsExactly("free-shipping");
        }

        @Test
        @DisplayName("matches a signal's evidence, which the page shows only as its tooltip")
        void byEvidence(ReportPage page) {
            page.filter("remove the flag and its OFF branch");

            assertThat(page.shownFlags()).containsExactly("legacy-rounding");
        }

        @Test
        @DisplayName("matches the deployed columns: a variant's rule in one environment")
        void byDeployedValue(ReportPage page) {
            page.filter("ends_with $email");

            assertThat(page.shownFlags()).containsExactly("email-template");
        }

        @Test
        @DisplayName("shows every row again once emptied, in the same order")
        void cleared(ReportPage page) {
            List<String> all = page.shownFlags();
            page.filter("loyalty");
            assertThat(page.shownFlags()).containsExactly("loyalty-points");

            page.clearFilter();

            assertThat(page.shownFlags()).isEqualTo(all);
        }

        @Test
        @DisplayName("shows no row for text no flag has")
        void nothing(ReportPage page) {
            page.filter("no-such-flag-anywhere");

            assertThat(page.shownFlags()).isEmpty();
        }
    }

    @Nested
    @DisplayName("\"retirement candidates only\"")
    class Candidates {

        @Test
        @DisplayName("keeps exactly the rows marked as candidates, and unchecked shows all again")
        void only(ReportPage page) {
            Map<String, Boolean> marks = page.candidateMarks();
            List<String> candidates = marks.entrySet().stream()
                    .filter(Map.Entry::getValue)
                    .map(Map.Entry::getKey)
                    .toList();
            assertThat(candidates)
                    .contains("legacy-rounding", "old-banner", "gift-wrap", "black-friday-2025")
                    .hasSizeLessThan(marks.size());

            page.candidatesOnly().click();
            assertThat(page.shownFlags()).containsExactlyElementsOf(candidates);

            page.candidatesOnly().click();
            assertThat(page.shownFlags()).containsExactlyElementsOf(marks.keySet());
        }

        @Test
        @DisplayName("combines with the filter: both must match")
        void withFilter(ReportPage page) {
            page.filter("deployed");
            List<String> filtered = page.shownFlags();
            assertThat(filtered).contains("black-friday-2025", "loyalty-points");

            page.candidatesOnly().click();

            assertThat(page.shownFlags()).contains("black-friday-2025").doesNotContain("loyalty-points");
            assertThat(filtered).containsAll(page.shownFlags());
        }
    }

    @Nested
    @DisplayName("sorting by a column header")
    class Sorting {

        @Test
        @DisplayName("sorts by text ascending on the first click, descending on the second")
        void byName(ReportPage page) {
            page.sortBy("Flag");
            List<String> ascending = page.shownFlags();
            assertThat(ascending).isSortedAccordingTo(Comparator.naturalOrder());

            page.sortBy("Flag");

            assertThat(page.shownFlags()).isSortedAccordingTo(Comparator.reverseOrder());
        }

        @Test
        @DisplayName("sorts number columns as numbers, not as text")
        void byNumber(ReportPage page) {
            page.sortBy("Reads");

            List<Long> reads =
                    page.column("Reads").stream().map(Long::parseLong).toList();
            assertThat(reads).isSortedAccordingTo(Comparator.naturalOrder());
            assertThat(page.column("Reads"))
                    .isNotEqualTo(page.column("Reads").stream().sorted().toList());

            page.sortBy("Reads");

            assertThat(page.column("Reads").stream().map(Long::parseLong).toList())
                    .isSortedAccordingTo(Comparator.reverseOrder());
        }

        @Test
        @DisplayName("sorts by a deployed column: OFF before ON, the rows moving with their cells")
        void byDeployment(ReportPage page) {
            Map<String, String> before = cells(page, "prod-eu / prod");
            List<String> order = page.shownFlags();

            page.sortBy("prod-eu / prod");

            assertThat(page.shownFlags()).isNotEqualTo(order);
            assertThat(cells(page, "prod-eu / prod")).isEqualTo(before);
            List<String> states = page.column("prod-eu / prod").stream()
                    .map(cell -> cell.split("\\s")[0])
                    .filter(state -> state.equals("ON") || state.equals("OFF"))
                    .toList();
            assertThat(states).contains("ON", "OFF");
            assertThat(states.lastIndexOf("OFF")).isLessThan(states.indexOf("ON"));
        }

        @Test
        @DisplayName("keeps the filter applied to the rows it reorders")
        void filtered(ReportPage page) {
            page.filter("ON in every");
            List<String> shown = page.shownFlags();

            page.sortBy("Flag");
            page.sortBy("Flag");

            assertThat(page.shownFlags()).containsExactlyInAnyOrderElementsOf(shown);
            assertThat(page.allFlags()).hasSizeGreaterThan(shown.size());
        }

        private Map<String, String> cells(ReportPage page, String header) {
            List<String> flags = page.shownFlags();
            List<String> column = page.column(header);
            Map<String, String> cells = new TreeMap<>();
            for (int i = 0; i < flags.size(); i++) {
                cells.put(flags.get(i), column.get(i));
            }
            return cells;
        }
    }
}
