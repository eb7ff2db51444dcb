package io.pulpperf.throughput.db;

import java.util.List;

/**
 * A session waiting on a lock, and on what.
 *
 * @param pid            the waiting backend
 * @param waitEventType  always "Lock" today; kept as read
 * @param waitEvent      relation, transactionid, tuple, advisory, ...
 * @param mode           the lock mode asked for, or null when pg_locks no longer showed it
 * @param relation       the table, for relation and tuple locks, else null
 * @param blockedBy      the backends holding or queued ahead for the lock
 * @param seconds        how long its query has been running (the wait is part of it), or null
 * @param query          the waiting query, truncated
 */
public record LockWait(int pid, String waitEventType, String waitEvent, String mode, String relation,
                       List<Integer> blockedBy, Double seconds, String query) {
    public LockWait {
        blockedBy = List.copyOf(blockedBy);
    }

    /** "ShareLock on transactionid", "AccessShareLock on relation sampler_lock" - what a reader needs. */
    public String what() {
        return (mode == null ? "" : mode + " on ") + waitEvent + (relation == null ? "" : " " + relation);
    }
}
