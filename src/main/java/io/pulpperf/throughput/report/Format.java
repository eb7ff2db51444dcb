package io.pulpperf.throughput.report;

import java.util.Locale;

/** Number formats shared by every table, so a figure reads the same everywhere. */
final class Format {
    private Format() {}

    /** Tasks per second with two decimals, or "-" when not measured. */
    static String rate(Double perSecond) {
        return perSecond == null ? "-" : String.format(Locale.ROOT, "%.2f", perSecond);
    }

    /** Microseconds as milliseconds with one decimal. */
    static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    /** One percentile of a latency part in milliseconds, or "-" when no task had that part (never a 0.0 for nothing). */
    static String ms(io.pulpperf.throughput.measure.LatencySummary s, java.util.function.ToLongFunction<io.pulpperf.throughput.measure.LatencySummary> pick) {
        return s == null || !s.measured() ? "-" : ms(pick.applyAsLong(s));
    }

    /** As above with " ms" after a measured value: "12.3 ms", or "-" alone. */
    static String msWithUnit(io.pulpperf.throughput.measure.LatencySummary s, java.util.function.ToLongFunction<io.pulpperf.throughput.measure.LatencySummary> pick) {
        String v = ms(s, pick);
        return v.equals("-") ? v : v + " ms";
    }

    static String ms(double micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    /** A ratio as a percentage with one decimal, or "-". */
    static String percent(Double ratio) {
        return ratio == null ? "-" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.2f s", micros / 1e6);
    }

    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
