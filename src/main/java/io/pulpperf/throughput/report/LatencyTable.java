package io.pulpperf.throughput.report;

import io.pulpperf.throughput.measure.LatencyPart;
import io.pulpperf.throughput.measure.LatencySummary;
import io.pulpperf.throughput.measure.RunMetrics;
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
            for (long v : new long[] {s.p50(), s.p90(), s.p95(), s.p99(), s.p999(), s.max()}) out.append(',').append(Format.ms(v));
            out.append(',').append(Format.ms(s.mean())).append('\n');
        }
        return out.toString();
    }

    /** Plain HTML with inline styles and no scripts, so Allure 2 and 3 both show it. */
    public static String html(String title, RunMetrics m) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(Format.html(title)).append("</title></head><body style=\"font-family:sans-serif\">")
                .append("<h3>").append(Format.html(title)).append(" (milliseconds)</h3>")
                .append("<table style=\"border-collapse:collapse\"><tr><th style=\"text-align:left;padding:4px 8px\">part</th>");
        for (String c : COLUMNS) out.append("<th style=\"text-align:right;padding:4px 8px\">").append(c).append("</th>");
        out.append("<th style=\"text-align:left;padding:4px 8px\">definition</th></tr>");
        for (Map.Entry<LatencyPart, LatencySummary> e : m.latency().entrySet()) {
            LatencySummary s = e.getValue();
            out.append("<tr style=\"border-top:1px solid #ccc\"><td style=\"padding:4px 8px\">").append(e.getKey().label()).append("</td>");
            cell(out, String.valueOf(s.count()));
            for (long v : new long[] {s.p50(), s.p90(), s.p95(), s.p99(), s.p999(), s.max()}) cell(out, Format.ms(v));
            cell(out, Format.ms(s.mean()));
            out.append("<td style=\"padding:4px 8px;color:#555\">").append(Format.html(e.getKey().definition())).append("</td></tr>");
        }
        return out.append("</table></body></html>").toString();
    }

    private static void cell(StringBuilder out, String v) {
        out.append("<td style=\"text-align:right;padding:4px 8px;font-variant-numeric:tabular-nums\">").append(v).append("</td>");
    }
}
