package io.pulpperf.throughput.measure;

/** The parts a task's life is cut into, each defined once from the tasks API's timestamps. */
public enum LatencyPart {
    /** {@code unblocked_at - pulp_created}: waiting for an older task's lock (only where unblocked_at is set). */
    BLOCKED("blocked", "unblocked_at - pulp_created"),
    /** {@code started_at - unblocked_at} (or {@code - pulp_created} without unblocked_at): waiting for a free worker. */
    WORKER_WAIT("worker wait", "started_at - unblocked_at (or - pulp_created)"),
    /** {@code started_at - pulp_created}: all queueing before the task ran. */
    QUEUE_WAIT("queue wait", "started_at - pulp_created"),
    /** {@code finished_at - started_at}: running on a worker. */
    RUN("run", "finished_at - started_at"),
    /** {@code finished_at - pulp_created}: dispatch to done. */
    TOTAL("total", "finished_at - pulp_created");

    private final String label;
    private final String definition;

    LatencyPart(String label, String definition) {
        this.label = label;
        this.definition = definition;
    }

    public String label() {
        return label;
    }

    public String definition() {
        return definition;
    }
}
