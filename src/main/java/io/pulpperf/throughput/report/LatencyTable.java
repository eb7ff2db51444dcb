package io.pulpperf.throughput.report;

import io.pulpperf.throughput.measure.LatencyPart;
import io.pulpperf.throughput.measure.LatencySummary;
import io.pulpperf.throughput.measure.RunMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The latency table of one run (parts × percentiles, milliseconds) as CSV and as static HTML. */
public final class LatencyTable {
    private static final String[] COLUMNS = {"count", "p50", "p90", "p95", "p99", "p99.9", "max", "mean"};

    private LatencyTable() {}

    public static String csv(RunMetrics m) {
        StringBuilder out = new StringBuilder("part,definition,count,p50_ms,p90_ms,p95_ms,p99_ms,p99.9_ms,max_ms,mean_ms\n");
        for (Map.Entry<LatencyPart, LatencySummary> e : m.latency().entrySet()) {
            LatencySummary s = e.getValue();
            out.append(e.getKey().label()).append(',').append(e.getKey().definition()).append(',').append(s.count());
            // Empty cells, not zeros, for a part no task had.
            for (long v : new long[] {s.p50(), s.p90(), s.p95(), s.p99(), s.p999(), s.max()}) out.append(',').append(s.count() == 0 ? "" : Format.ms(v));
            out.append(',').append(s.count() == 0 ? "" : Format.ms(s.mean())).append('\n');
        }
        return out.toString();
    }

    /** Plain HTML with inline styles and no scripts, so Allure 2 and 3 both show it. */
    public static String html(String title, RunMetrics m) {
        List<String[]> rows = new ArrayList<>();
        for (Map.Entry<LatencyPart, LatencySummary> e : m.latency().entrySet()) {
            LatencySummary s = e.getValue();
            boolean none = s.count() == 0;
            rows.add(new String[] {e.getKey().label(), String.valueOf(s.count()), none ? "-" : Format.ms(s.p50()),
                    none ? "-" : Format.ms(s.p90()), none ? "-" : Format.ms(s.p95()), none ? "-" : Format.ms(s.p99()),
                    none ? "-" : Format.ms(s.p999()), none ? "-" : Format.ms(s.max()), none ? "-" : Format.ms(s.mean()),
                    e.getKey().definition()});
        }
        String[] headers = new String[COLUMNS.length + 2];
        headers[0] = "part";
        for (int i = 0; i < COLUMNS.length; i++) headers[i + 1] = "#" + COLUMNS[i];
        headers[headers.length - 1] = "definition";
        return new HtmlPage(title).heading(title + " (milliseconds)", null).table(headers, rows)
                .paragraph("HdrHistogram, 3 significant digits. Blocked exists only where the server sets unblocked_at; "
                        + "total counts completed tasks only.")
                .render();
    }
}
