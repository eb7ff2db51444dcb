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
 * @param bottleneckAt the score (peak against its limit, see observe.ResourcePeak) a resource must reach to be named the
 *                 count's bottleneck (issue 27); below it the table says "none near its limit"
 */
public record FleetSettings(List<Integer> counts, Duration hold, Duration interval, double bottleneckAt) {
    /** 80% of a limit: the utilisation above which queueing delay grows steeply (M/M/1: wait ~ rho / (1 - rho), 4x the service time at 0.8). */
    public static final double DEFAULT_BOTTLENECK_AT = 0.8;

    public FleetSettings(List<Integer> counts, Duration hold, Duration interval) {
        this(counts, hold, interval, DEFAULT_BOTTLENECK_AT);
    }

    public FleetSettings {
        if (!(bottleneckAt > 0 && bottleneckAt <= 100)) {
            throw new IllegalArgumentException("fleet.bottleneckAt must be > 0 and <= 100 (a share of a limit, e.g. 0.8), was " + bottleneckAt);
        }
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
