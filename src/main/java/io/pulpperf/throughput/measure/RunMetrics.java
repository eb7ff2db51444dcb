package io.pulpperf.throughput.measure;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run, computed once from its tasks (see DESIGN.md, "Metrics, defined once").
 * Rates are tasks per second; null where undefined (e.g. no completed task).
 *
 * @param submitted        dispatch requests Pulp accepted (202 with a task href)
 * @param observed         tasks of the run found on the server
 * @param lost             accepted hrefs never found on the server (an unreadable row is found, so not lost)
 * @param lostHrefs        up to 50 of them
 * @param unreadable       tasks whose rows the suite could not read (each counted once)
 * @param byState          observed tasks by state
 * @param successRate      completed / observed
 * @param throughput       completed / (last finished_at - first started_at)
 * @param makespanRate     completed / (last finished_at - first pulp_created)
 * @param steadyRate       completions per second between the 10th and 90th percentile finish, without warm-up and drain
 * @param latency          percentiles by latency part
 * @param firstCreated     first pulp_created, epoch micros (null without tasks)
 * @param firstStarted     first started_at
 * @param lastFinished     last finished_at
 * @param errors           failed tasks grouped by their exact error description
 * @param failures         failed and canceled tasks grouped by reason, ids and values masked ({@link FailureReasons}), most first;
 *                         in results.json at the scenario's top level
 * @param timeline         per-interval counts
 * @param bucketMicros     the timeline's interval
 * @param unfinishedHrefs  up to 50 tasks still waiting, running or canceling when collected
 * @param unreadableRows   up to 50 of the unreadable rows: href and what was wrong
 */
public record RunMetrics(long submitted, long observed, long lost, List<String> lostHrefs, long unreadable,
                         Map<String, Long> byState, Double successRate, Double throughput, Double makespanRate,
                         Double steadyRate, Map<LatencyPart, LatencySummary> latency, Long firstCreated,
                         Long firstStarted, Long lastFinished, Map<String, Long> errors, @JsonIgnore List<FailureReason> failures,
                         List<TimelineBucket> timeline, long bucketMicros, List<String> unfinishedHrefs, List<String> unreadableRows) {

    public long completed() {
        return byState.getOrDefault("completed", 0L);
    }

    public long failed() {
        return byState.getOrDefault("failed", 0L);
    }

    public long canceled() {
        return byState.getOrDefault("canceled", 0L);
    }

    /** Tasks still waiting, running or canceling when collected (non-zero only after a timeout). */
    public long unfinished() {
        return byState.getOrDefault("waiting", 0L) + byState.getOrDefault("running", 0L) + byState.getOrDefault("canceling", 0L);
    }
}
