package io.pulpperf.throughput.workers;

import io.pulpperf.throughput.measure.WorkerWatch;
import java.util.List;

/**
 * The workers' health over one scenario, as results.json holds it under {@code workerHealth}.
 *
 * @param onlineAtStart         online workers at the scenario's start
 * @param onlineAtEnd           online workers at its end
 * @param left                  each time a worker left the online set
 * @param heartbeatAgeMaxMillis the oldest heartbeat seen, by the server's clock; null without a Date header
 * @param allAlive              false when a worker left the set or the end had fewer than the start:
 *                              such a run is not comparable with one whose workers all stayed
 * @param samples               answers of workers/ read
 */
public record WorkerHealth(List<String> onlineAtStart, List<String> onlineAtEnd, List<Left> left, Long heartbeatAgeMaxMillis,
                           boolean allAlive, int samples) {
    public WorkerHealth {
        onlineAtStart = List.copyOf(onlineAtStart);
        onlineAtEnd = List.copyOf(onlineAtEnd);
        left = List.copyOf(left);
    }

    /**
     * @param worker       its name
     * @param atSeconds    when it left, seconds on the task timeline (server clock)
     * @param forSeconds   how long it stayed out (until the end when it never came back)
     * @param cameBack     whether it was online again by the end
     */
    public record Left(String worker, double atSeconds, double forSeconds, boolean cameBack) {}

    /** From a watch; {@code zero} is the task timeline's 0 s. */
    static WorkerHealth of(WorkerWatch watch, java.time.Instant zero) {
        List<Left> left = watch.absences().stream().map(a -> new Left(a.worker(),
                seconds(java.time.Duration.between(zero, a.left())), seconds(a.length(watch.lastTime())), a.back() != null)).toList();
        Long max = watch.ageMillis().stream().max(Long::compare).orElse(null);
        boolean alive = left.isEmpty();  // one at the start but gone at the end is an open absence, so in left
        return new WorkerHealth(watch.onlineAtStart(), watch.onlineAtEnd(), left, max, alive, watch.samples());
    }

    private static double seconds(java.time.Duration d) {
        return Math.round(d.toMillis() / 100.0) / 10.0;
    }

    /** One problem line per departure, e.g. "1001@pulp-sim left the online set for 41.0 s at +73.0 s". */
    public List<String> problems() {
        List<String> out = new java.util.ArrayList<>();
        for (Left l : left) {
            out.add(l.cameBack()
                    ? String.format(java.util.Locale.ROOT, "%s left the online set for %.1f s at %+.1f s", l.worker(), l.forSeconds(), l.atSeconds())
                    : String.format(java.util.Locale.ROOT, "%s left the online set at %+.1f s and was not back at the end (%.1f s later)",
                            l.worker(), l.atSeconds(), l.forSeconds()));
        }
        return out;
    }
}
