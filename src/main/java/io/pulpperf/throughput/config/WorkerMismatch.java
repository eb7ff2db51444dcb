package io.pulpperf.throughput.config;

/** What to do when the online worker count differs from the scenario's and cannot be changed. */
public enum WorkerMismatch {
    /** Skip the scenario, saying why. */
    SKIP,
    /** Run it anyway and label the results with the real worker count. */
    LABEL
}
