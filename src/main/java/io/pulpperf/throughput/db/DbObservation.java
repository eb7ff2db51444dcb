package io.pulpperf.throughput.db;

import java.util.ArrayList;
import java.util.List;

/** The database in one line for the results table's Observations column. */
public final class DbObservation {
    private DbObservation() {}

    /** E.g. "DB: peak 42 active connections, peak 3 lock waits, mean 120 xact/s"; says so when sampling had problems. */
    public static String line(DbReport report, DbSummary summary) {
        List<String> parts = new ArrayList<>();
        if (report.samples().isEmpty()) {
            parts.add("no samples");
        } else {
            parts.add("peak " + peak(summary, DbSummary.ACTIVE) + " active connections");
            parts.add("peak " + peak(summary, DbSummary.LOCK_WAITS) + " lock waits");
            DbSummary.Metric xacts = summary.metric(DbSummary.TRANSACTIONS);
            if (xacts != null) parts.add("mean " + DbFormat.number(Math.round(xacts.mean())) + " xact/s");
        }
        if (!report.problems().isEmpty()) {
            parts.add("sampler problem: " + DbFormat.shortQuery(report.problems().get(0), 80)
                    + (report.problems().size() > 1 ? " (+" + (report.problems().size() - 1) + " more)" : ""));
        }
        return "DB: " + String.join(", ", parts);
    }

    /** For the console: how many samples and what one cost. */
    public static String cost(DbReport report) {
        return "DB sampler: " + report.samples().size() + " samples, one sample costs " + DbFormat.number(report.medianCostMillis())
                + " ms (median)" + (report.problems().isEmpty() ? "" : ", " + report.problems().size() + " problem(s)");
    }

    private static String peak(DbSummary summary, String name) {
        DbSummary.Metric m = summary.metric(name);
        return m == null ? "-" : DbFormat.number(m.peak());
    }
}
