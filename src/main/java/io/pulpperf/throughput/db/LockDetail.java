package io.pulpperf.throughput.db;

/**
 * A lock a session asked for and has not been granted (pg_locks with granted = false).
 *
 * @param pid      the waiting backend
 * @param lockType relation, transactionid, tuple, advisory, ...
 * @param mode     e.g. AccessShareLock, ShareLock, ExclusiveLock
 * @param relation the table's name for relation and tuple locks, else null
 */
public record LockDetail(int pid, String lockType, String mode, String relation) {}
