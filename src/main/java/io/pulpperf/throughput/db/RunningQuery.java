package io.pulpperf.throughput.db;

/**
 * The longest running query or open transaction in one sample.
 *
 * @param pid     its backend
 * @param seconds how long it has run (or the transaction has been open)
 * @param query   its (current or last) query, truncated
 */
public record RunningQuery(int pid, double seconds, String query) {}
