package io.pulpperf.throughput.db;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The database report as CSV: per-sample timeline, peak/mean table, top statements. */
public final class DbCsv {
    private DbCsv() {}

    /**
     * One row per sample, on the task timeline's axis.
     *
     * @param zero the instant at offset 0 (the task timeline's start)
     */
    public static String samples(List<DbSample> samples, Instant zero) {
        StringBuilder out = new StringBuilder("offset_s,connections,active,idle,idle_in_transaction,lock_waits,longest_query_s,"
                + "longest_transaction_s,xact_per_s,task_inserted_per_s,task_updated_per_s,task_deleted_per_s,sample_cost_ms\n");
        for (DbSample s : samples) {
            Counters.Rates r = s.rates();
            out.append(String.format(Locale.ROOT, "%.3f", Duration.between(zero, s.at()).toNanos() / 1e9)).append(',')
               .append(s.connections()).append(',').append(s.inState(DbSample.ACTIVE)).append(',').append(s.inState(DbSample.IDLE))
               .append(',').append(s.idleInTransaction()).append(',').append(s.lockWaits().size())
               .append(',').append(s.longestQuery() == null ? "" : DbFormat.number(s.longestQuery().seconds()))
               .append(',').append(s.longestTransaction() == null ? "" : DbFormat.number(s.longestTransaction().seconds()))
               .append(',').append(r == null ? "" : DbFormat.number(r.transactions()))
               .append(',').append(r == null ? "" : DbFormat.number(r.inserted()))
               .append(',').append(r == null ? "" : DbFormat.number(r.updated()))
               .append(',').append(r == null ? "" : DbFormat.number(r.deleted()))
               .append(',').append(DbFormat.number(s.costMillis())).append('\n');
        }
        return out.toString();
    }

    /** Peak and mean per figure. */
    public static String summary(DbSummary summary) {
        StringBuilder out = new StringBuilder("metric,unit,peak,mean\n");
        for (DbSummary.Metric m : summary.metrics()) {
            out.append(DbFormat.csv(m.name())).append(',').append(m.unit()).append(',').append(DbFormat.number(m.peak()))
               .append(',').append(DbFormat.number(m.mean())).append('\n');
        }
        return out.toString();
    }

    /** Statements by total execution time during the scenario (pg_stat_statements, end minus start). */
    public static String statements(List<StatementStats> top) {
        StringBuilder out = new StringBuilder("queryid,calls,total_ms,mean_ms,rows,query\n");
        for (StatementStats s : top) {
            out.append(s.queryId()).append(',').append(s.calls()).append(',').append(String.format(Locale.ROOT, "%.3f", s.totalMillis()))
               .append(',').append(String.format(Locale.ROOT, "%.3f", s.meanMillis())).append(',').append(s.rows())
               .append(',').append(DbFormat.csv(DbFormat.shortQuery(s.query(), PgStats.TEXT_LIMIT))).append('\n');
        }
        return out.toString();
    }
}
