package io.pulpperf.throughput.load;

/**
 * What happened to one dispatch request.
 *
 * @param seq            sequence number within the run, from 0
 * @param intendedMicros epoch microseconds when the request was due (open model: its slot; closed: when sent)
 * @param sentMicros     epoch microseconds when it was actually sent
 * @param latencyMicros  from the intended time to the full answer (so queueing in the client counts); -1 when none came
 * @param status         HTTP status, or -1 when no answer came
 * @param taskHref       the task href from a 202, else null
 * @param tasks          tasks the request dispatched (1 for a 202, N for {"tasks_executed": N}, 0 on error)
 * @param cidEchoed      whether the answer carried back our Correlation-ID
 * @param serverDate     the answer's Date header (server clock, second precision), or null
 * @param error          what went wrong (no secrets), else null
 */
public record DispatchRecord(int seq, long intendedMicros, long sentMicros, long latencyMicros, int status, String taskHref,
                             long tasks, boolean cidEchoed, String serverDate, String error) {
    public boolean accepted() {
        return tasks > 0;
    }
}
