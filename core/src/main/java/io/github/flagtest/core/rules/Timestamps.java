package io.github.flagtest.core.rules;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Timestamps as the W3C note on date and time formats writes them, the form AppConfig's rules use:
 * {@code 2024}, {@code 2024-01}, {@code 2024-01-31}, {@code 2024-01-31T10:00Z},
 * {@code 2012-03-04T05:06:07-08:00}, with fractions of a second. A partial one is its first instant (UTC).
 */
final class Timestamps {

    private static final Pattern W3C = Pattern.compile(
            "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?(Z|[+-]\\d{2}:\\d{2}))?)?)?");

    private Timestamps() {}

    static Instant parse(String text) {
        Matcher m = W3C.matcher(text);
        if (!m.matches() || !text.contains("-")) { // a bare year is the integer it also is
            throw new IllegalArgumentException("not a W3C timestamp: " + text);
        }
        int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
        ZoneOffset offset = m.group(8) == null || m.group(8).equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(m.group(8));
        try {
            return OffsetDateTime.of(Integer.parseInt(m.group(1)), month, day, hour, minute, second, nanos, offset)
                    .toInstant();
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a valid date or time: " + text, e);
        }
    }

    /** A context value as an instant: an Instant or other temporal, or a W3C timestamp string; else null. */
    static Instant of(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof TemporalAccessor temporal) {
            try {
                return Instant.from(temporal);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        if (value instanceof CharSequence text) {
            try {
                return parse(text.toString());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
