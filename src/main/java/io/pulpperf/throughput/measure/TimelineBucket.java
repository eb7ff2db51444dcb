package io.pulpperf.throughput.measure;

/**
 * One interval of the run's timeline, from the tasks' own timestamps.
 *
 * @param startMicros offset of the interval's start from the first {@code pulp_created}
 * @param created     tasks created in the interval
 * @param started     tasks started in the interval
 * @param finished    tasks finished in the interval
 * @param waiting     tasks waiting at the interval's end (created, not yet started or finished)
 * @param running     tasks running at the interval's end
 */
public record TimelineBucket(long startMicros, long created, long started, long finished, long waiting, long running) {}
