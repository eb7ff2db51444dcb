package io.pulpperf.throughput.history;

import java.util.Locale;
import java.util.Map;

/** results.md's Observations for a repeated scenario: "3 rounds: tasks/s 10.6 (10.4-10.9, 3 runs), p95 wait ...". */
public final class RoundsNote {
    private RoundsNote() {}

    public static String of(Map<String, Spread> spreads) {
        int n = spreads.values().stream().mapToInt(Spread::n).max().orElse(0);
        StringBuilder out = new StringBuilder(n + " rounds, median (min-max):");
        append(out, " tasks/s ", spreads.get(FigureCatalog.THROUGHPUT), v -> String.format(Locale.ROOT, "%.2f", v));
        append(out, " sustained/s ", spreads.get(FigureCatalog.SUSTAINED_RATE), v -> String.format(Locale.ROOT, "%.2f", v));
        append(out, " p95 wait ms ", spreads.get(FigureCatalog.QUEUE_WAIT_P95), v -> String.format(Locale.ROOT, "%.0f", v));
        Spread tps = spreads.get(FigureCatalog.THROUGHPUT);
        if (tps != null && tps.low95() != null) {
            out.append(String.format(Locale.ROOT, "; 95%% interval of the median tasks/s %.2f-%.2f", tps.low95(), tps.high95()));
        }
        return out.append("; thresholds judge the median").toString();
    }

    private static void append(StringBuilder out, String label, Spread s, java.util.function.DoubleFunction<String> f) {
        if (s != null) out.append(label).append(s.shown(f));
    }
}
