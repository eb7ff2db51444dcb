package io.pulpperf.throughput.workers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a run's workers were all alive throughout, as the history and the baseline keep it
 * (issue 20: a run whose workers were not all alive is not silently compared with one whose were).
 *
 * @param allAlive false when a worker left the online set while tasks waited (in any round)
 * @param left     the workers that left, each named once, in the order they left
 */
public record WorkersAlive(boolean allAlive, List<String> left) {
    public WorkersAlive {
        left = List.copyOf(left);
    }

    /**
     * From the observers' figures of one run, by source (the worker-health observer's under
     * {@link WorkerHealthObserver#SOURCE}); null when the run has none (no observer, no tasks).
     */
    public static WorkersAlive of(Map<String, Object> observedBySource) {
        if (observedBySource == null || !(observedBySource.get(WorkerHealthObserver.SOURCE) instanceof Map<?, ?> figures)) return null;
        if (!(figures.get("allAlive") instanceof Boolean alive)) return null;
        Set<String> names = new LinkedHashSet<>();
        if (figures.get("left") instanceof List<?> left) {
            for (Object l : left) {
                // Measured tonight: WorkerHealth.Left; read back from a results.json: a map.
                if (l instanceof WorkerHealth.Left x) names.add(x.worker());
                else if (l instanceof Map<?, ?> m && m.get("worker") != null) names.add(String.valueOf(m.get("worker")));
            }
        }
        return new WorkersAlive(alive, new ArrayList<>(names));
    }

    /** Over the rounds of one scenario: alive only when every round that knows was; null when none knows. */
    public static WorkersAlive ofRounds(List<WorkersAlive> rounds) {
        boolean known = false;
        boolean alive = true;
        Set<String> names = new LinkedHashSet<>();
        for (WorkersAlive r : rounds) {
            if (r == null) continue;
            known = true;
            alive &= r.allAlive();
            names.addAll(r.left());
        }
        return known ? new WorkersAlive(alive, new ArrayList<>(names)) : null;
    }

    /** Unknown (an older record, no observer) counts as alive: nothing says otherwise. */
    public static boolean alive(WorkersAlive w) {
        return w == null || w.allAlive();
    }

    /** "workers not all alive (1001@pulp-sim left the online set)". */
    public String describe() {
        if (allAlive) return "workers all alive";
        return "workers not all alive (" + (left.isEmpty() ? "fewer online at the end than at the start"
                : String.join(", ", left) + " left the online set") + ")";
    }
}
