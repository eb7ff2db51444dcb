package io.pulpperf.throughput.db;

import java.util.List;

/**
 * One client session of the sampled database, as pg_stat_activity showed it.
 *
 * @param pid             backend process id
 * @param state           active, idle, idle in transaction, ... ("unknown" when hidden from the sampler's role)
 * @param application     application_name ("" when unset)
 * @param waitEventType   what kind of wait (Lock, LWLock, IO, Client, ...), or null when not waiting
 * @param waitEvent       the wait itself (relation, transactionid, advisory, ...), or null
 * @param querySeconds    how long the current or last query has run, or null
 * @param xactSeconds     how long its transaction has been open, or null outside a transaction
 * @param query           the query text, truncated
 * @param blockedBy       the sessions it waits for, when it waits on a lock (pg_blocking_pids)
 */
public record SessionRow(int pid, String state, String application, String waitEventType, String waitEvent,
                         Double querySeconds, Double xactSeconds, String query, List<Integer> blockedBy) {
    public SessionRow {
        blockedBy = List.copyOf(blockedBy);
    }

    public boolean waitsOnLock() {
        return "Lock".equals(waitEventType);
    }
}
