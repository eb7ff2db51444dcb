package io.pulpperf.throughput.report;

import io.pulpperf.throughput.measure.LatencySummary;
import io.pulpperf.throughput.run.DispatchSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The client side of a run: request rate, HTTP latency percentiles and answers by status. */
public final class DispatchTable {
    private DispatchTable() {}

    public static String html(String scenario, DispatchSummary d) {
        LatencySummary l = d.latency();
        List<String[]> totals = List.<String[]>of(new String[] {String.valueOf(d.requests()), String.valueOf(d.accepted()),
                d.errors() == 0 ? "0" : "!fail:" + d.errors(), Format.rate(d.requestRate()), Format.seconds(d.durationMicros())});
        List<String[]> latency = List.<String[]>of(new String[] {String.valueOf(l.count()), Format.ms(l, LatencySummary::p50),
                Format.ms(l, LatencySummary::p90), Format.ms(l, LatencySummary::p95), Format.ms(l, LatencySummary::p99),
                Format.ms(l, LatencySummary::p999), Format.ms(l, LatencySummary::max), l.measured() ? Format.ms(l.mean()) : "-"});
        List<String[]> statuses = new ArrayList<>();
        for (Map.Entry<Integer, Long> e : d.byStatus().entrySet()) {
            boolean ok = e.getKey() == 202;
            statuses.add(new String[] {e.getKey() < 0 ? "no answer" : String.valueOf(e.getKey()), meaning(e.getKey()),
                    (ok ? "" : "!fail:") + e.getValue()});
        }
        return new HtmlPage(scenario + " dispatch")
                .heading(scenario + ": dispatch (client side)", null)
                .table(new String[] {"#requests", "#accepted (202 + task)", "#without a task", "#request rate (req/s)", "#duration"}, totals)
                .heading("HTTP latency of dispatch requests (milliseconds)", null)
                .table(new String[] {"#answers", "#p50", "#p90", "#p95", "#p99", "#p99.9", "#max", "#mean"}, latency)
                .heading("Answers by HTTP status", null)
                .table(new String[] {"status", "meaning", "#requests"}, statuses)
                .render();
    }

    public static String csv(DispatchSummary d) {
        LatencySummary l = d.latency();
        StringBuilder out = new StringBuilder("figure,value\n");
        out.append("requests,").append(d.requests()).append('\n');
        out.append("accepted,").append(d.accepted()).append('\n');
        out.append("without_task,").append(d.errors()).append('\n');
        out.append("request_rate_per_s,").append(Format.rate(d.requestRate())).append('\n');
        out.append("duration_s,").append(String.format(Locale.ROOT, "%.3f", d.durationMicros() / 1e6)).append('\n');
        String[] names = {"p50_ms", "p90_ms", "p95_ms", "p99_ms", "p99.9_ms", "max_ms"};
        long[] values = {l.p50(), l.p90(), l.p95(), l.p99(), l.p999(), l.max()};
        // No answer timed (no request sent): "-", not 0.
        for (int i = 0; i < names.length; i++) out.append("latency_").append(names[i]).append(',').append(l.measured() ? Format.ms(values[i]) : "-").append('\n');
        out.append("latency_mean_ms,").append(l.measured() ? Format.ms(l.mean()) : "-").append('\n');
        d.byStatus().forEach((status, count) -> out.append("status_").append(status < 0 ? "no_answer" : status).append(',').append(count).append('\n'));
        return out.toString();
    }

    static String meaning(int status) {
        if (status < 0) return "no answer (connection error or timeout)";
        if (status == 202) return "accepted: a task was dispatched";
        if (status == 401 || status == 403) return "refused: credentials or permissions";
        if (status == 429) return "throttled";
        if (status >= 500) return "server error";
        if (status >= 400) return "rejected request";
        return "unexpected answer";
    }
}
