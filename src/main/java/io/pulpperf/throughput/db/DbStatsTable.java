package io.pulpperf.throughput.db;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The database report as static HTML (no scripts): problems, peak and mean per figure, lock waits seen, longest query. */
public final class DbStatsTable {
    private static final int MAX_LOCK_WAITS = 20;
    private static final String TD = "<td style=\"padding:4px 8px\">";
    private static final String TH = "<th style=\"text-align:left;padding:4px 8px\">";
    private static final String TH_NUM = "<th style=\"text-align:right;padding:4px 8px\">";
    private static final String TD_NUM = "<td style=\"text-align:right;padding:4px 8px;font-variant-numeric:tabular-nums\">";

    private DbStatsTable() {}

    public static String html(String title, DbReport report, DbSummary summary) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").append(DbFormat.html(title))
                .append("</title></head><body style=\"font-family:sans-serif\"><h3>").append(DbFormat.html(title)).append("</h3>");
        out.append("<p>").append(report.samples().size()).append(" samples every ").append(report.interval().toMillis())
           .append(" ms from ").append(DbFormat.html(report.url())).append("; peak and mean over ").append(summary.samples())
           .append(summary.windowed() ? " samples taken while the scenario's tasks ran (first created to last finished)"
                   : " samples (the whole sampling, fixtures and cleanup included)")
           .append(". One sample cost ").append(DbFormat.number(report.medianCostMillis())).append(" ms (median).</p>");
        for (String p : report.problems()) {
            out.append("<p style=\"color:#b00020\"><b>problem:</b> ").append(DbFormat.html(p)).append("</p>");
        }
        out.append("<table style=\"border-collapse:collapse\"><tr>").append(TH).append("metric</th>").append(TH_NUM).append("peak</th>")
           .append(TH_NUM).append("mean</th>").append(TH).append("unit</th></tr>");
        for (DbSummary.Metric m : summary.metrics()) {
            out.append("<tr style=\"border-top:1px solid #ccc\">").append(TD).append(DbFormat.html(m.name())).append("</td>")
               .append(TD_NUM).append(DbFormat.number(m.peak())).append("</td>").append(TD_NUM).append(DbFormat.number(m.mean()))
               .append("</td>").append(TD).append(m.unit()).append("</td></tr>");
        }
        out.append("</table>");
        lockWaits(out, report);
        longestQuery(out, report);
        if (!report.statementsAvailable()) {
            out.append("<p>No top statements: pg_stat_statements is not installed in this database (or could not be read).</p>");
        }
        return out.append("</body></html>").toString();
    }

    // Each waiting session once, with the longest wait seen: a wait spans several samples.
    private static void lockWaits(StringBuilder out, DbReport report) {
        Map<String, LockWait> longest = new LinkedHashMap<>();
        report.samples().stream().flatMap(s -> s.lockWaits().stream()).forEach(w -> longest.merge(w.pid() + " " + w.what(), w,
                (a, b) -> Objects.requireNonNullElse(b.seconds(), 0.0) > Objects.requireNonNullElse(a.seconds(), 0.0) ? b : a));
        if (longest.isEmpty()) {
            out.append("<p>No session waited on a lock when sampled.</p>");
            return;
        }
        out.append("<h4>Lock waits seen (").append(longest.size()).append(longest.size() > MAX_LOCK_WAITS ? ", longest " + MAX_LOCK_WAITS + " shown" : "")
           .append(")</h4><table style=\"border-collapse:collapse\"><tr>").append(TH_NUM).append("pid</th>").append(TH).append("waiting on</th>")
           .append(TH).append("blocked by</th>").append(TH_NUM).append("seconds</th>").append(TH).append("query</th></tr>");
        longest.values().stream()
                .sorted(Comparator.comparingDouble((LockWait w) -> Objects.requireNonNullElse(w.seconds(), 0.0)).reversed())
                .limit(MAX_LOCK_WAITS)
                .forEach(w -> out.append("<tr style=\"border-top:1px solid #ccc\">").append(TD_NUM).append(w.pid()).append("</td>")
                        .append(TD).append(DbFormat.html(w.what())).append("</td>").append(TD).append(w.blockedBy()).append("</td>")
                        .append(TD_NUM).append(w.seconds() == null ? "-" : DbFormat.number(w.seconds())).append("</td>")
                        .append(TD).append("<code>").append(DbFormat.html(DbFormat.shortQuery(w.query(), 200))).append("</code></td></tr>"));
        out.append("</table>");
    }

    private static void longestQuery(StringBuilder out, DbReport report) {
        report.samples().stream().map(DbSample::longestQuery).filter(Objects::nonNull)
                .max(Comparator.comparingDouble(RunningQuery::seconds))
                .ifPresent(q -> out.append("<h4>Longest running query seen</h4><p>").append(DbFormat.number(q.seconds()))
                        .append(" s (pid ").append(q.pid()).append("): <code>").append(DbFormat.html(DbFormat.shortQuery(q.query(), 300)))
                        .append("</code></p>"));
    }
}
