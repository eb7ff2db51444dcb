package io.pulpperf.throughput.measure;

import io.pulpperf.throughput.pulp.PulpTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a disruption's cost is read from (issue 28), taken from the run's tasks as they are
 * collected: completion times, failures with their time and reason, every task's run span (for
 * how many ran at each moment) and the tasks that waited unblocked for long (the stuck
 * candidates). Only attached to scenarios with disruptions: it keeps 3 longs a task.
 */
public final class DisruptionTasks implements Consumer<PulpTask> {
    /** An unblocked task that waited this long may have been stuck; shorter waits cannot be. */
    static final long STUCK_CANDIDATE_MICROS = DisruptionCost.STUCK_AFTER_MICROS;
    private static final int MAX_REASONS = 100;
    private static final int MAX_CANDIDATES = 10_000;

    final LongColumn completions = new LongColumn();
    final LongColumn failedAt = new LongColumn();
    final List<String> failedReason = new ArrayList<>();
    final LongColumn starts = new LongColumn();
    /** Finish of the task started at the same index; -1 while it ran at collection. */
    final LongColumn ends = new LongColumn();
    final List<Candidate> candidates = new ArrayList<>();
    private final Map<String, String> reasons = new LinkedHashMap<>();
    Long firstCreated;
    Long lastCreated;
    Long lastFinished;

    /** A task that waited at least {@link #STUCK_CANDIDATE_MICROS} after it was unblocked; {@code started} -1 if it never did. */
    record Candidate(String href, long unblocked, long started) {}

    @Override
    public void accept(PulpTask t) {
        long c = t.createdMicros();
        firstCreated = firstCreated == null ? c : Math.min(firstCreated, c);
        lastCreated = lastCreated == null ? c : Math.max(lastCreated, c);
        Long f = t.finishedMicros();
        if (f != null) lastFinished = lastFinished == null ? f : Math.max(lastFinished, f);
        if (t.state().equals("completed") && f != null) completions.add(f);
        if (t.state().equals("failed") && f != null) {
            failedAt.add(f);
            failedReason.add(reason(t.errorDescription()));
        }
        if (t.startedMicros() != null) {
            starts.add(t.startedMicros());
            ends.add(f == null ? -1 : f);
        }
        Long u = t.unblockedMicros();
        if (u != null && candidates.size() < MAX_CANDIDATES) {
            long s = t.startedMicros() != null ? t.startedMicros() : -1;
            boolean longWait = s >= 0 ? s - u >= STUCK_CANDIDATE_MICROS : t.isIncomplete();
            if (longWait) candidates.add(new Candidate(t.href(), u, s));
        }
    }

    /**
     * A failure's reason as {@link FailureReasons#reason} words it (ids, numbers and quoted values
     * masked, so one cause is one group), one string instance per reason.
     */
    private String reason(String description) {
        String key = FailureReasons.reason(description);
        if (reasons.containsKey(key)) return reasons.get(key);
        if (reasons.size() >= MAX_REASONS) return "(other errors)";
        reasons.put(key, key);
        return key;
    }
}
