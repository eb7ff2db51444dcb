package io.pulpperf.throughput.load;

import io.pulpperf.throughput.pulp.PulpClient;
import java.util.List;
import java.util.Optional;

/**
 * Makes one kind of task: checks its endpoint exists, creates its fixtures (not measured),
 * names the request for each task, and removes what the run created, found by the run's own
 * names, never by a broad filter.
 */
public interface Workload {

    /** Fails with a clear message, before any load, when the endpoint this workload needs is missing. */
    void preflight(PulpClient client);

    /** Creates what the tasks need before the clock starts (e.g. the repositories to delete). */
    void prepare(PulpClient client, String runName, int tasks, int concurrency);

    /** The request that dispatches task {@code seq} (0-based). */
    DispatchRequest request(String runName, int seq);

    /**
     * Dispatches one task of the suite's own through {@code client} (which carries its own
     * correlation id), to wake a queue Pulp left asleep; false when this workload has no such task.
     */
    boolean nudge(PulpClient client, String runName);

    /**
     * The list endpoints (under the v3 root) where what a run creates is found by the run's name
     * prefix, so it can be deleted however the run ended; empty when it creates nothing the suite knows of.
     */
    List<String> listPaths();

    /**
     * Whether the dispatched requests themselves create objects: then a request whose answer never
     * came may still create one after the run, and the cleanup looks once more a while later.
     */
    boolean dispatchCreates();

    /** The task name filter to use when the server does not echo correlation ids, if known. */
    Optional<String> taskNameContains();

    /** What a reader of the report must know about this workload's numbers. */
    String note();
}
