package io.pulpperf.throughput.observe;

import java.time.Instant;

/**
 * When a scenario ran. The tasks' window (first task created to last finished) is what figures are
 * taken over, so fixture creation and cleanup do not blur them; it is null when no task was seen.
 *
 * @param started       when the scenario started (before its fixtures)
 * @param ended         when it ended (after collection and cleanup)
 * @param firstCreated  the first task's pulp_created, or null
 * @param lastFinished  the last task's finished_at, or null
 */
public record ScenarioWindow(Instant started, Instant ended, Instant firstCreated, Instant lastFinished) {
    /** The task timeline's 0 s: the first task created, or the scenario's start without tasks. */
    public Instant zero() {
        return firstCreated != null ? firstCreated : started;
    }

    public boolean hasTasks() {
        return firstCreated != null && lastFinished != null && !lastFinished.isBefore(firstCreated);
    }

    /** Start of the figures' window: the tasks' when known, else the scenario's. */
    public Instant from() {
        return hasTasks() ? firstCreated : started;
    }

    /** End of the figures' window. */
    public Instant to() {
        return hasTasks() ? lastFinished : ended;
    }
}
