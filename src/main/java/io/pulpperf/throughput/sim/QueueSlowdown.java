package io.pulpperf.throughput.sim;

import io.pulpperf.throughput.config.Durations;

/**
 * {@code sim.serviceTime.perWaiting} (issue 21): every task's service time grows by this much per
 * task waiting when it starts, as Pulp's tasks slow with a standing queue (its fetch and unblock
 * queries scan the waiting tasks). 0 by default: service times stay as configured.
 *
 * @param perWaitingNanos added per waiting task, nanoseconds (0.04ms is 40,000)
 */
public record QueueSlowdown(long perWaitingNanos) {
    /** The key under {@code sim.serviceTime.}: not a task name. */
    public static final String KEY = "perWaiting";

    public QueueSlowdown {
        if (perWaitingNanos < 0) throw new IllegalArgumentException("sim.serviceTime.perWaiting must be >= 0");
    }

    static QueueSlowdown of(SimulatorConfig config) {
        String spec = config.serviceTimes().get(KEY);
        return new QueueSlowdown(spec == null ? 0 : Durations.parse(spec).toNanos());
    }

    boolean active() {
        return perWaitingNanos > 0;
    }

    /** Microseconds added to a task that starts while {@code waiting} others wait. */
    long extraMicros(long waiting) {
        return perWaitingNanos * waiting / 1000;
    }
}
