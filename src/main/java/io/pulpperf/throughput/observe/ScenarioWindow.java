package io.pulpperf.throughput.observe;

import java.time.Instant;
import java.util.List;

/**
 * When a scenario ran. The tasks' window (first task created to last finished) is what figures are
 * taken over, so fixture creation and cleanup do not blur them; it is null when no task was seen.
 *
 * @param started       when the scenario started (before its fixtures)
 * @param ended         when it ended (after collection and cleanup)
 * @param firstCreated  the first task's pulp_created, or null
 * @param lastFinished  the last task's finished_at, or null
 * @param holds         spans inside the scenario that want figures of their own (a fleet's hold per worker count), or none
 * @param run           which requests were the run's: its Correlation-ID and failed requests (the log observer's attribution)
 * @param marks         moments the observers' timelines mark (issue 28: each disruption), or none
 */
public record ScenarioWindow(Instant started, Instant ended, Instant firstCreated, Instant lastFinished, List<Hold> holds, Run run,
                             List<Mark> marks) {
    public ScenarioWindow {
        holds = holds == null ? List.of() : List.copyOf(holds);
        run = run == null ? Run.NONE : run;
        marks = marks == null ? List.of() : List.copyOf(marks);
    }

    /** A scenario whose run is not told to the observers, without marks. */
    public ScenarioWindow(Instant started, Instant ended, Instant firstCreated, Instant lastFinished, List<Hold> holds) {
        this(started, ended, firstCreated, lastFinished, holds, Run.NONE, List.of());
    }

    /** A moment to draw on a timeline, e.g. a disruption: its name and when. */
    public record Mark(String label, Instant at) {}

    /** A scenario without holds. */
    public ScenarioWindow(Instant started, Instant ended, Instant firstCreated, Instant lastFinished) {
        this(started, ended, firstCreated, lastFinished, List.of());
    }

    /**
     * One span the observers report on by itself, e.g. the hold at one worker count of the fleet shape.
     *
     * @param label what it is, e.g. "25 workers"
     * @param from  its start
     * @param to    its end
     */
    public record Hold(String label, Instant from, Instant to) {}

    /**
     * The run's identity in what Pulp logs.
     *
     * @param runId          the Correlation-ID its requests carried, or null
     * @param failedRequests when each request that got a 5xx or no answer was sent and when it ended
     * @param failedTasks    hrefs of failed or canceled tasks whose own log lines the report shows (each reason's first task), or none
     */
    public record Run(String runId, List<Span> failedRequests, List<String> failedTasks) {
        public static final Run NONE = new Run(null, List.of());

        public Run {
            failedRequests = failedRequests == null ? List.of() : List.copyOf(failedRequests);
            failedTasks = failedTasks == null ? List.of() : List.copyOf(failedTasks);
        }

        /** A run without tasks to look up in the logs. */
        public Run(String runId, List<Span> failedRequests) {
            this(runId, failedRequests, List.of());
        }
    }

    /** A span of time, e.g. one request's; {@code to} is null when it has no known end (a request that got no answer). */
    public record Span(Instant from, Instant to) {}

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
