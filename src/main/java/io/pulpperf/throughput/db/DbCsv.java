package io.pulpperf.throughput.db;

import io.pulpperf.throughput.measure.CsvRows;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The database report as CSV: per-sample timeline, peak/mean table, top statements. The figures'
 * formats are {@link DbFormat}'s; the CSV itself is Jackson's, through {@link CsvRows}.
 */
public final class DbCsv {
    private DbCsv() {}

    /**
     * One row per sample, on the task timeline's axis.
     *
     * @param zero the instant at offset 0 (the task timeline's start)
     */
    public static String samples(List<DbSample> samples, Instant zero) {
        return CsvRows.text(List.of("offset_s", "connections", "active", "idle", "idle_in_transaction", "lock_waits",
                "longest_query_s", "longest_transaction_s", "xact_per_s", "task_inserted_per_s", "task_updated_per_s",
                "task_deleted_per_s", "sample_cost_ms"), samples.stream().map(s -> {
                    Counters.Rates r = s.rates();
                    return List.of(String.format(Locale.ROOT, "%.3f", Duration.between(zero, s.at()).toNanos() / 1e9),
                            Integer.toString(s.connections()), Integer.toString(s.inState(DbSample.ACTIVE)),
                            Integer.toString(s.inState(DbSample.IDLE)), Integer.toString(s.idleInTransaction()),
                            Integer.toString(s.lockWaits().size()),
                            s.longestQuery() == null ? "" : DbFormat.number(s.longestQuery().seconds()),
                            s.longestTransaction() == null ? "" : DbFormat.number(s.longestTransaction().seconds()),
                            r == null ? "" : DbFormat.number(r.transactions()), r == null ? "" : DbFormat.number(r.inserted()),
                            r == null ? "" : DbFormat.number(r.updated()), r == null ? "" : DbFormat.number(r.deleted()),
                            DbFormat.number(s.costMillis()));
                }).toList());
    }

    /** Peak and mean per figure. */
    public static String summary(DbSummary summary) {
        return CsvRows.text(List.of("metric", "unit", "peak", "mean"), summary.metrics().stream()
                .map(m -> Arrays.asList(DbFormat.oneLine(m.name()), m.unit(), DbFormat.number(m.peak()), DbFormat.number(m.mean())))
                .toList());
    }

    /** Statements by total execution time during the scenario (pg_stat_statements, end minus start). */
    public static String statements(List<StatementStats> top) {
        return CsvRows.text(List.of("queryid", "calls", "total_ms", "mean_ms", "rows", "query"), top.stream()
                .map(s -> List.of(String.valueOf(s.queryId()), String.valueOf(s.calls()), String.format(Locale.ROOT, "%.3f", s.totalMillis()),
                        String.format(Locale.ROOT, "%.3f", s.meanMillis()), String.valueOf(s.rows()),
                        DbFormat.oneLine(DbFormat.shortQuery(s.query(), PgStats.TEXT_LIMIT))))
                .toList());
    }
}
