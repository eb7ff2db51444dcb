package io.pulpperf.throughput.db;

/**
 * Cumulative server counters read in one sample; rates come from two of them.
 *
 * @param atNanos      {@link System#nanoTime()} when read
 * @param transactions xact_commit + xact_rollback of the database
 * @param tablePresent whether the task table exists (else its counters are 0)
 * @param inserted     n_tup_ins of the task table
 * @param updated      n_tup_upd
 * @param deleted      n_tup_del
 * @param seqScans     seq_scan
 * @param idxScans     idx_scan (0 when the table has no index)
 */
public record Counters(long atNanos, long transactions, boolean tablePresent, long inserted, long updated, long deleted,
                       long seqScans, long idxScans) {

    /**
     * Per-second rates since an earlier reading.
     *
     * @param earlier          the previous reading
     * @param ownTransactions  transactions the sampler itself ran in between, left out of the rate
     */
    public Rates since(Counters earlier, long ownTransactions) {
        double seconds = Math.max(1e-3, (atNanos - earlier.atNanos) / 1e9);
        return new Rates(
                Math.max(0, transactions - earlier.transactions - ownTransactions) / seconds,
                perSecond(inserted, earlier.inserted, seconds), perSecond(updated, earlier.updated, seconds),
                perSecond(deleted, earlier.deleted, seconds), perSecond(seqScans, earlier.seqScans, seconds),
                perSecond(idxScans, earlier.idxScans, seconds));
    }

    // Counters reset (pg_stat_reset) or a table dropped and re-created read as 0, never negative.
    private static double perSecond(long now, long before, double seconds) {
        return Math.max(0, now - before) / seconds;
    }

    /**
     * Rates between two readings.
     *
     * @param transactions per second, without the sampler's own
     * @param inserted     task rows inserted per second
     * @param updated      task rows updated per second
     * @param deleted      task rows deleted per second
     * @param seqScans     sequential scans of the task table per second
     * @param idxScans     index scans of the task table per second
     */
    public record Rates(double transactions, double inserted, double updated, double deleted, double seqScans, double idxScans) {}
}
