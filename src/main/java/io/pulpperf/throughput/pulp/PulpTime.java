package io.pulpperf.throughput.pulp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Pulp's timestamp format: Python {@code isoformat()} in UTC with {@code Z}, six fraction digits,
 * and no fraction at all when the microseconds are exactly zero (DRF DateTimeField).
 */
public final class PulpTime {
    private static final DateTimeFormatter WHOLE_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private PulpTime() {}

    /** Formats microseconds since the epoch the way Pulp prints timestamps. */
    public static String format(long epochMicros) {
        Instant instant = ofMicros(epochMicros);
        return instant.getNano() == 0 ? WHOLE_SECONDS.format(instant) : MICROS.format(instant);
    }

    /** Formats an instant, truncated to microseconds, the way Pulp prints timestamps. */
    public static String format(Instant instant) {
        return format(toMicros(instant));
    }

    /** Parses a Pulp timestamp (with or without fraction, {@code Z} or an offset) to epoch micros. */
    public static long parseMicros(String text) {
        try {
            return toMicros(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return toMicros(java.time.OffsetDateTime.parse(text).toInstant());
        }
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
