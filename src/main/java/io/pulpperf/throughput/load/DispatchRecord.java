package io.pulpperf.throughput.load;

/**
 * What happened to one dispatch request.
 *
 * @param seq           sequence number within the run, from 0
 * @param sentMicros    epoch microseconds when the request was sent (client clock)
 * @param latencyMicros time to the full answer; -1 when none came
 * @param status        HTTP status, or -1 when no answer came
 * @param taskHref      the task href from a 202, else null
 * @param error         what went wrong (no secrets), else null
 */
public record DispatchRecord(int seq, long sentMicros, long latencyMicros, int status, String taskHref, String error) {
    public boolean accepted() {
        return taskHref != null;
    }
}
