package io.pulpperf.throughput.pulp;

/**
 * One task as the tasks API reports it, reduced to what throughput analysis needs. Times are
 * epoch microseconds; a null time was null (or absent) on the server.
 *
 * @param href             {@code pulp_href}
 * @param name             dotted task function name
 * @param state            waiting, running, canceling, completed, failed, canceled or skipped
 * @param loggingCid       the dispatching request's Correlation-ID
 * @param createdMicros    {@code pulp_created}
 * @param unblockedMicros  {@code unblocked_at}: null while blocked, before 3.48, and on redis workers
 * @param startedMicros    {@code started_at}: null for tasks that never ran
 * @param finishedMicros   {@code finished_at}
 * @param errorDescription {@code error.description} (or {@code error.reason}) of failed tasks, else null
 */
public record PulpTask(String href, String name, String state, String loggingCid, long createdMicros,
                       Long unblockedMicros, Long startedMicros, Long finishedMicros, String errorDescription) {

    /** The task list fields the suite asks for, so pages stay small. */
    public static final String FIELDS = "pulp_href,name,state,logging_cid,pulp_created,unblocked_at,started_at,finished_at,error";

    public boolean isIncomplete() {
        return state.equals("waiting") || state.equals("running") || state.equals("canceling");
    }
}
