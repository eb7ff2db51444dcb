package io.pulpperf.throughput.run;

import java.util.List;
import java.util.Map;

/**
 * What one disruption did and cost (issue 28), as results.json holds it under {@code disruptions}.
 * The costs come from the run's tasks and the workers/ answers, not from the command's clock.
 *
 * @param name                what it is called
 * @param when                when it was asked for: "+20 s" or "after 500 tasks completed"
 * @param at                  when its command started, seconds on the task timeline (0 = the run's first task created); null if it never ran
 * @param command             the command as run (secrets masked)
 * @param exit                its exit status; null if it never ran or was killed
 * @param output              its output (capped, secrets masked)
 * @param problem             what went wrong with the command, in words; null when nothing did
 * @param before              completed tasks/s in the window before it
 * @param during              completed tasks/s from it until it recovered (until the end if it did not)
 * @param after               completed tasks/s over the window in which it held recovered (the last window if it did not)
 * @param recovered           whether the completion rate came back within the scenario
 * @param recoverySeconds     seconds from it until the rate was back within the tolerance, held for a window; null if not recovered
 * @param recoveryNote        why there is no recovery time; null when there is one
 * @param failed              tasks that failed from it until the next disruption or the end of the run
 * @param failedReasons       those by error description
 * @param stuck               tasks that waited, unblocked, for over a second while a worker was idle
 * @param longestStuckSeconds the longest such wait; null when none was stuck
 * @param longestStuckTask    that task's href; null when none was stuck
 * @param workersLeft         workers that left the online set after it, and whether each came back
 * @param workersJoined       workers first seen online after it (e.g. restarted pods, under new names)
 * @param dispatchErrors      dispatch requests without a task over the same span
 * @param windowSeconds       the window of the before-rate and of the hold
 * @param tolerance           how far below the before-rate still counts as recovered
 */
public record DisruptionResult(String name, String when, Double at, String command, Integer exit, String output, String problem,
                               Double before, Double during, Double after, boolean recovered, Double recoverySeconds,
                               String recoveryNote, long failed, Map<String, Long> failedReasons, long stuck,
                               Double longestStuckSeconds, String longestStuckTask, List<WorkerLeft> workersLeft, int workersJoined,
                               long dispatchErrors, double windowSeconds, double tolerance) {
    /**
     * @param worker    its name
     * @param atSeconds when it was first missing from workers/?online=true, on the task timeline
     * @param cameBack  whether it was online again by the end
     */
    public record WorkerLeft(String worker, double atSeconds, boolean cameBack) {}

    /** Whether the command ran and its figures were measured. */
    public boolean measured() {
        return at != null;
    }
}
