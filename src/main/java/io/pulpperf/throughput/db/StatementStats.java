package io.pulpperf.throughput.db;

/**
 * One normalised statement from pg_stat_statements (summed over users), or its growth during a scenario.
 *
 * @param queryId     pg_stat_statements' queryid
 * @param calls       times executed
 * @param totalMillis total execution time
 * @param rows        rows returned or affected
 * @param query       the normalised text, truncated
 */
public record StatementStats(long queryId, long calls, double totalMillis, long rows, String query) {
    /** Mean execution time per call, 0 without calls. */
    public double meanMillis() {
        return calls == 0 ? 0 : totalMillis / calls;
    }
}
