package io.pulpperf.throughput.load;

import io.pulpperf.throughput.pulp.PulpClient;

/**
 * Makes one kind of task: creates its fixtures (not measured), names the request for each task,
 * and removes what the run created, found by the run's own names, never by a broad filter.
 */
public interface Workload {

    /** Creates what the tasks need before the clock starts (e.g. the repositories to delete). */
    void prepare(PulpClient client, String runName, int tasks, int concurrency);

    /** The request that dispatches task {@code seq} (0-based). */
    DispatchRequest request(String runName, int seq);

    /** Deletes what this run created; returns how many deletions were requested. */
    int cleanup(PulpClient client, String runName);

    /** What a reader of the report must know about this workload's numbers. */
    String note();
}
