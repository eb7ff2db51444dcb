package io.pulpperf.throughput.logs;

import java.util.Locale;

/** Byte counts in words: "64 KiB", "256 MiB". */
final class Sizes {
    private Sizes() {}

    static String bytes(long n) {
        if (n >= 1L << 30 && n % (1L << 30) == 0) return (n >> 30) + " GiB";
        if (n >= 1L << 20) return n % (1L << 20) == 0 ? (n >> 20) + " MiB" : String.format(Locale.ROOT, "%.1f MiB", n / 1048576.0);
        if (n >= 1L << 10 && n % (1L << 10) == 0) return (n >> 10) + " KiB";
        return n + " bytes";
    }
}
