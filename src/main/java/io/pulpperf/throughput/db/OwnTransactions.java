package io.pulpperf.throughput.db;

/**
 * Tells how much of a rise in xact_commit + xact_rollback was the sampler's own. A backend
 * reports its counts to the statistics at most about once a second, so the sampler's transactions
 * show up late and in lumps: they are kept as a debt and matched against later rises, which makes
 * the total exact and no single interval negative.
 */
final class OwnTransactions {
    private long unmatched;

    /**
     * @param observed rise of the database's transaction count since the previous reading
     * @param ran      transactions the sampler ran since the previous reading
     * @return how much of {@code observed} to take as the sampler's own, in [0, observed]
     */
    long match(long observed, long ran) {
        unmatched += Math.max(0, ran);
        long mine = Math.max(0, Math.min(observed, unmatched));
        unmatched -= mine;
        return mine;
    }
}
