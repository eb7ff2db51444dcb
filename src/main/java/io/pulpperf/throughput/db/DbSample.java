package io.pulpperf.throughput.db;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the database was doing at one moment, without the sampler's own session.
 *
 * @param at                 when the sample was taken (this machine's clock)
 * @param byState            client sessions of the database by state
 * @param byApplication      client sessions by application_name
 * @param lockWaits          sessions waiting on a lock, and on what
 * @param longestQuery       the longest running active query, or null when none runs
 * @param longestTransaction the longest open transaction, or null when none is open
 * @param rates              transactions and task-table rows per second since the previous sample; null in the first
 * @param taskTablePresent   whether the task table (core_task) exists
 * @param costMillis         how long taking this sample took, queries included
 */
public record DbSample(Instant at, Map<String, Integer> byState, Map<String, Integer> byApplication, List<LockWait> lockWaits,
                       RunningQuery longestQuery, RunningQuery longestTransaction, Counters.Rates rates,
                       boolean taskTablePresent, double costMillis) {
    public static final String ACTIVE = "active";
    public static final String IDLE = "idle";
    public static final String IDLE_IN_TRANSACTION = "idle in transaction";

    public DbSample {
        byState = Map.copyOf(byState);
        byApplication = Map.copyOf(byApplication);
        lockWaits = List.copyOf(lockWaits);
    }

    public int connections() {
        return byState.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int inState(String state) {
        return byState.getOrDefault(state, 0);
    }

    /** Sessions idle inside a transaction, aborted ones included: both hold their locks. */
    public int idleInTransaction() {
        return inState(IDLE_IN_TRANSACTION) + inState(IDLE_IN_TRANSACTION + " (aborted)");
    }
}
