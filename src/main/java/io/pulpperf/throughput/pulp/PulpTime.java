package io.pulpperf.throughput.pulp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Pulp's timestamp format: Python {@code isoformat()} in UTC with {@code Z}, six fraction digits,
 * and no fraction at all when the microseconds are exactly zero (DRF DateTimeField).
 *
 * <p>Collection formats and parses several timestamps per task, a million tasks in a run: Pulp's
 * own shape ({@code 2024-05-06T07:08:09.123456Z} or without fraction, years 1970-9999) takes a
 * direct path, anything else goes through {@code java.time}; both give the same answers (tested).
 */
public final class PulpTime {
    private static final DateTimeFormatter WHOLE_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private PulpTime() {}

    /** Formats microseconds since the epoch the way Pulp prints timestamps. */
    public static String format(long epochMicros) {
        if (epochMicros >= 0 && epochMicros < MAX_FAST_MICROS) return formatFast(epochMicros);
        return formatJavaTime(epochMicros);
    }

    static String formatJavaTime(long epochMicros) {
        Instant instant = ofMicros(epochMicros);
        return instant.getNano() == 0 ? WHOLE_SECONDS.format(instant) : MICROS.format(instant);
    }

    /** Formats an instant, truncated to microseconds, the way Pulp prints timestamps. */
    public static String format(Instant instant) {
        return format(toMicros(instant));
    }

    /** Parses a Pulp timestamp (with or without fraction, {@code Z} or an offset) to epoch micros. */
    public static long parseMicros(String text) {
        long fast = parseFast(text);
        return fast != NOT_FAST ? fast : parseJavaTime(text);
    }

    static long parseJavaTime(String text) {
        try {
            return toMicros(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return toMicros(java.time.OffsetDateTime.parse(text).toInstant());
        }
    }

    private static final long NOT_FAST = Long.MIN_VALUE;
    /** 10000-01-01T00:00:00Z: below it a year has four digits. */
    private static final long MAX_FAST_MICROS = 253_402_300_800_000_000L;

    static String formatFast(long epochMicros) {
        long seconds = epochMicros / 1_000_000;
        int micros = (int) (epochMicros % 1_000_000);
        java.time.LocalDate date = java.time.LocalDate.ofEpochDay(seconds / 86_400);
        int secOfDay = (int) (seconds % 86_400);
        char[] c = new char[micros == 0 ? 20 : 27];
        put(c, 0, date.getYear(), 4);
        c[4] = '-';
        put(c, 5, date.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, date.getDayOfMonth(), 2);
        c[10] = 'T';
        put(c, 11, secOfDay / 3600, 2);
        c[13] = ':';
        put(c, 14, secOfDay / 60 % 60, 2);
        c[16] = ':';
        put(c, 17, secOfDay % 60, 2);
        if (micros != 0) {
            c[19] = '.';
            put(c, 20, micros, 6);
        }
        c[c.length - 1] = 'Z';
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Pulp's own shape parsed directly; {@link #NOT_FAST} for anything else (then java.time decides). */
    static long parseFast(String t) {
        int n = t.length();
        if ((n != 20 && n != 27) || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':' || (n == 27 && t.charAt(19) != '.')) {
            return NOT_FAST;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        int micros = n == 27 ? digits(t, 20, 6) : 0;
        if (year < 1970 || month < 1 || month > 12 || day < 1 || day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || micros < 0) {
            return NOT_FAST;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return ((epochDay * 86_400 + hour * 3600L + minute * 60L + second) * 1_000_000L) + micros;
    }

    /** The decimal value of {@code count} ASCII digits, or a negative number if any is not a digit. */
    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = t.charAt(i) - '0';
            if (d < 0 || d > 9) return Integer.MIN_VALUE;
            v = v * 10 + d;
        }
        return v;
    }

    /** Epoch microseconds of an instant (sub-microsecond digits are dropped). */
    public static long toMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** The instant of epoch microseconds. */
    public static Instant ofMicros(long epochMicros) {
        return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS);
    }
}
