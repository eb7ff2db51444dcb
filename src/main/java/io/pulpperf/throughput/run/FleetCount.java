package io.pulpperf.throughput.run;

import io.pulpperf.throughput.observe.ResourcePeak;
import io.pulpperf.throughput.observe.ScenarioWindow;
import java.time.Instant;
import java.util.List;

/**
 * What one worker count of the fleet shape showed (issue 20), as results.json holds it under
 * {@code fleet}. Ages are read by the server's clock (the Date header, 1 s resolution).
 *
 * @param asked                 workers asked for
 * @param onlineMin             fewest online over the hold
 * @param onlineMedian          median online over the hold
 * @param onlineMax             most online over the hold
 * @param heartbeatAgeP50Millis median heartbeat age over every worker and read; null without a Date header
 * @param heartbeatAgeP95Millis its 95th percentile
 * @param heartbeatAgeMaxMillis the oldest heartbeat seen
 * @param timeouts              times a worker left the online set during the hold (the plan's "timeout")
 * @param neverOnline           asked minus the distinct workers seen online at this count
 * @param secondsToAllOnline    from the scale command to all asked online; null when they never all were
 * @param timedOut              the workers that left the online set, each once
 * @param reads                 reads of workers/ during the hold
 * @param holdFrom              when the hold started (this machine's clock, as the observers')
 * @param holdTo                when it ended
 * @param peaks                 the observers' bottleneck candidates over the hold, highest score first; null without observers
 */
public record FleetCount(int asked, int onlineMin, double onlineMedian, int onlineMax, Long heartbeatAgeP50Millis,
                         Long heartbeatAgeP95Millis, Long heartbeatAgeMaxMillis, int timeouts, int neverOnline,
                         Double secondsToAllOnline, List<String> timedOut, int reads, Instant holdFrom, Instant holdTo,
                         List<ResourcePeak> peaks) {
    public FleetCount {
        timedOut = List.copyOf(timedOut);
        peaks = peaks == null ? null : List.copyOf(peaks);
    }

    /** The same count with the observers' peaks over its hold. */
    public FleetCount withPeaks(List<ResourcePeak> over) {
        return new FleetCount(asked, onlineMin, onlineMedian, onlineMax, heartbeatAgeP50Millis, heartbeatAgeP95Millis, heartbeatAgeMaxMillis,
                timeouts, neverOnline, secondsToAllOnline, timedOut, reads, holdFrom, holdTo, over);
    }

    /** Its hold, for the observers. */
    public ScenarioWindow.Hold hold() {
        return new ScenarioWindow.Hold(asked + " workers", holdFrom, holdTo);
    }
}
