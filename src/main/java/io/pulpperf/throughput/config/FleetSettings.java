package io.pulpperf.throughput.config;

import java.time.Duration;
import java.util.List;

/**
 * The fleet shape's steps (issue 20, plan 0001 Worker Scalability): for each worker count in
 * turn, scale to it, wait until the workers are online, then hold and read {@code workers/}.
 *
 * @param counts   worker counts, in the order run, each >= 1
 * @param hold     how long each count is held once its workers are online (or the scale timed out)
 * @param interval time between two reads of {@code workers/?online=true} during the hold
 */
public record FleetSettings(List<Integer> counts, Duration hold, Duration interval) {
    public FleetSettings {
        counts = List.copyOf(counts);
        if (counts.isEmpty()) throw new IllegalArgumentException("fleet.counts needs at least one worker count");
        for (int c : counts) if (c < 1) throw new IllegalArgumentException("fleet.counts must be >= 1, was " + c);
        if (hold == null || hold.isNegative() || hold.isZero()) throw new IllegalArgumentException("fleet.hold must be > 0, was " + hold);
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("fleet.interval must be > 0, was " + interval);
        }
        if (interval.compareTo(hold) > 0) throw new IllegalArgumentException("fleet.interval (" + interval + ") must not exceed fleet.hold (" + hold + ")");
    }
}
