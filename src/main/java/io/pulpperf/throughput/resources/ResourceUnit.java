package io.pulpperf.throughput.resources;

import java.util.Arrays;
import java.util.Locale;

/** What a resource series measures in, and how its values read in a table. */
public enum ResourceUnit {
    CORES("cores"), BYTES("bytes"), PERCENT("percent"), COUNT("count"), SECONDS("seconds");

    private final String key;

    ResourceUnit(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ResourceUnit of(String key) {
        return Arrays.stream(values()).filter(u -> u.key.equals(key)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("expected one of cores, bytes, percent, count, seconds, got '" + key + "'"));
    }

    /** E.g. "1.8 cores", "2.1 GiB", "97%", "42", "0.35 s"; "-" for NaN. */
    public String format(double v) {
        if (Double.isNaN(v)) return "-";
        return switch (this) {
            case CORES -> number(v) + " cores";
            case BYTES -> bytes(v);
            case PERCENT -> number(v) + "%";
            case COUNT -> number(v);
            case SECONDS -> number(v) + " s";
        };
    }

    /** Two significant decimals below 10, one below 100, none above. */
    static String number(double v) {
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e15) return String.valueOf((long) v);
        return String.format(Locale.ROOT, a < 10 ? "%.2f" : a < 100 ? "%.1f" : "%.0f", v);
    }

    private static String bytes(double v) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int i = 0;
        double x = v;
        while (Math.abs(x) >= 1024 && i < units.length - 1) {
            x /= 1024;
            i++;
        }
        return (i == 0 ? number(x) : String.format(Locale.ROOT, Math.abs(x) < 10 ? "%.1f" : "%.0f", x)) + " " + units[i];
    }
}
