package io.pulpperf.throughput.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses human durations such as {@code 40ms}, {@code 1.5s}, {@code 2m}, {@code 250us}. */
public final class Durations {
    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|m|h)");

    private Durations() {}

    /** Parses one duration; throws with the expected format named when the text does not fit. */
    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "expected a duration such as 250us, 40ms, 1.5s, 2m or 1h, but got '" + text + "'");
        }
        double value = Double.parseDouble(m.group(1));
        double micros = switch (m.group(2)) {
            case "us" -> value;
            case "ms" -> value * 1_000;
            case "s" -> value * 1_000_000;
            case "m" -> value * 60_000_000;
            default -> value * 3_600_000_000.0;
        };
        return Duration.ofNanos(Math.round(micros * 1000));
    }
}
