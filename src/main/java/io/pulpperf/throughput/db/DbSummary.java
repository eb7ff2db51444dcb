package io.pulpperf.throughput.db;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * Peak and mean of each figure over the samples of a window (the scenario's tasks, from the first
 * created to the last finished), so fixture creation and cleanup do not blur the run's numbers.
 *
 * @param metrics  one row per figure
 * @param samples  samples the figures are taken from
 * @param windowed whether they are the window's samples (false: all samples, the window had none or none was given)
 */
public record DbSummary(List<Metric> metrics, int samples, boolean windowed) {
    public static final String CONNECTIONS = "connections";
    public static final String ACTIVE = "active connections";
    public static final String IDLE = "idle connections";
    public static final String IDLE_IN_TRANSACTION = "idle in transaction";
    public static final String LOCK_WAITS = "sessions waiting on locks";
    public static final String LONGEST_QUERY = "longest running query";
    public static final String LONGEST_TRANSACTION = "longest open transaction";
    public static final String TRANSACTIONS = "transactions";

    public DbSummary {
        metrics = List.copyOf(metrics);
    }

    /**
     * One figure.
     *
     * @param name what it counts
     * @param unit its unit ("" for a count of sessions)
     * @param peak the highest value seen
     * @param mean the mean over the samples that have it
     */
    public record Metric(String name, String unit, double peak, double mean) {}

    /**
     * @param from window start, or null for all samples
     * @param to   window end, or null
     */
    public static DbSummary of(List<DbSample> all, Instant from, Instant to) {
        List<DbSample> in = from == null || to == null ? List.of()
                : all.stream().filter(s -> !s.at().isBefore(from) && !s.at().isAfter(to)).toList();
        boolean windowed = !in.isEmpty();
        List<DbSample> used = windowed ? in : all;
        List<Metric> metrics = new ArrayList<>();
        add(metrics, used, CONNECTIONS, "", DbSample::connections);
        add(metrics, used, ACTIVE, "", s -> s.inState(DbSample.ACTIVE));
        add(metrics, used, IDLE, "", s -> s.inState(DbSample.IDLE));
        add(metrics, used, IDLE_IN_TRANSACTION, "", DbSample::idleInTransaction);
        add(metrics, used, LOCK_WAITS, "", s -> s.lockWaits().size());
        add(metrics, used, LONGEST_QUERY, "s", s -> s.longestQuery() == null ? 0 : s.longestQuery().seconds());
        add(metrics, used, LONGEST_TRANSACTION, "s", s -> s.longestTransaction() == null ? 0 : s.longestTransaction().seconds());
        add(metrics, used, TRANSACTIONS, "per s", s -> s.rates() == null ? Double.NaN : s.rates().transactions());
        if (used.stream().anyMatch(DbSample::taskTablePresent)) {
            String t = DbSampler.TASK_TABLE;
            add(metrics, used, t + " rows inserted", "per s", s -> s.rates() == null ? Double.NaN : s.rates().inserted());
            add(metrics, used, t + " rows updated", "per s", s -> s.rates() == null ? Double.NaN : s.rates().updated());
            add(metrics, used, t + " rows deleted", "per s", s -> s.rates() == null ? Double.NaN : s.rates().deleted());
            add(metrics, used, t + " sequential scans", "per s", s -> s.rates() == null ? Double.NaN : s.rates().seqScans());
            add(metrics, used, t + " index scans", "per s", s -> s.rates() == null ? Double.NaN : s.rates().idxScans());
        }
        TreeSet<String> apps = new TreeSet<>();
        used.forEach(s -> apps.addAll(s.byApplication().keySet()));
        for (String app : apps) add(metrics, used, "connections of " + app, "", s -> s.byApplication().getOrDefault(app, 0));
        add(metrics, used, "sampler cost per sample", "ms", DbSample::costMillis);
        return new DbSummary(metrics, used.size(), windowed);
    }

    /** The named figure, or null when it was not measured. */
    public Metric metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }

    // NaN marks a sample without the figure (the first sample has no rates).
    private static void add(List<Metric> out, List<DbSample> samples, String name, String unit, ToDoubleFunction<DbSample> value) {
        double peak = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int n = 0;
        for (DbSample s : samples) {
            double v = value.applyAsDouble(s);
            if (Double.isNaN(v)) continue;
            peak = Math.max(peak, v);
            sum += v;
            n++;
        }
        if (n > 0) out.add(new Metric(name, unit, peak, sum / n));
    }
}
