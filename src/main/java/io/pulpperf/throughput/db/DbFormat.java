package io.pulpperf.throughput.db;

import java.util.Locale;

/** Number and text formats of the database report, so a figure reads the same in every table. */
final class DbFormat {
    private DbFormat() {}

    /** Whole numbers without decimals, others with one (two below 10), "-" for NaN. */
    static String number(double v) {
        if (Double.isNaN(v)) return "-";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.format(Locale.ROOT, Math.abs(v) < 10 ? "%.2f" : "%.1f", v);
    }

    /** The text on one line (line breaks as spaces), so a CSV cell stays one line; null as empty. */
    static String oneLine(String text) {
        return text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
    }

    static String html(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Query text on one line, cut to {@code max} characters. */
    static String shortQuery(String query, int max) {
        if (query == null) return "";
        String one = query.replaceAll("\\s+", " ").trim();
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
