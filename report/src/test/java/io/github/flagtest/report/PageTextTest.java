package io.github.flagtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the page's text helpers, written for speed, say what the slow forms said")
class PageTextTest {

    @Test
    @DisplayName("day: the date part of Instant.toString(), also before 1970 and at midnight")
    void day() {
        for (Instant instant : List.of(
                Instant.parse("2026-12-06T07:52:39.123Z"),
                Instant.parse("2026-12-06T00:00:00Z"),
                Instant.parse("2026-12-05T23:59:59.999Z"),
                Instant.parse("1969-12-31T23:59:59Z"),
                Instant.EPOCH)) {
            assertThat(DeployedFlags.day(instant)).isEqualTo(instant.toString().substring(0, 10));
        }
        assertThat(DeployedFlags.day(null)).isEqualTo("?");
    }

    @Test
    @DisplayName("anchor: anything but letters, digits, '_' and '-' becomes '_'")
    void anchor() {
        for (String flag : List.of("loyalty-points", "a.b c/ü", "x_Y-9", "")) {
            assertThat(HtmlPage.anchor(flag)).isEqualTo(flag.replaceAll("[^A-Za-z0-9_-]", "_"));
        }
    }
}
