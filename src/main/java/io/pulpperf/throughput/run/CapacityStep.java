package io.pulpperf.throughput.run;

import java.util.List;

/**
 * One step of a capacity search: a rate held for the step's duration with the open model, its
 * tasks found by the step's own Correlation-ID and measured by their server timestamps.
 *
 * @param number         1-based, in the order run
 * @param rising         a rising step (else a bisection between the last good and first bad rate)
 * @param targetRate     the rate the dispatcher was asked for, requests per second
 * @param correlationId  the step's Correlation-ID, its tasks' logging_cid
 * @param requests       dispatch requests sent
 * @param dispatchErrors requests that created no task
 * @param tasks          the step's tasks found on the server
 * @param offeredRate    tasks created per second on the server
 * @param completionRate tasks completed per second
 * @param busyRate       tasks completed per second over the longest stretch during which tasks of the step waited
 *                       (workers had work throughout): what they complete flat out; null when too few
 * @param busyMicros     how long that stretch was
 * @param queueGrowth    waiting tasks at the step's end minus its start, per second
 * @param waitingAtEnd   tasks of the step waiting when its last task was created
 * @param p50WaitMicros  median queue wait (started_at - pulp_created), null when none started
 * @param p95WaitMicros  95th percentile queue wait
 * @param failed         tasks that failed
 * @param startMicros    first pulp_created, epoch micros (server clock)
 * @param endMicros      last pulp_created
 * @param verdict        kept up, saturated, wait too long, or interrupted by faults
 * @param reasons        why, in words (empty when kept up)
 * @param runP50Micros   median run time (finished_at - started_at) of the step's tasks, null when none ran: a
 *                       rise from step to step shows each task slowing as a queue stands (issue 21)
 */
public record CapacityStep(int number, boolean rising, double targetRate, String correlationId, long requests,
                           long dispatchErrors, long tasks, Double offeredRate, Double completionRate, Double busyRate,
                           long busyMicros, Double queueGrowth,
                           long waitingAtEnd, Long p50WaitMicros, Long p95WaitMicros, long failed, long startMicros,
                           long endMicros, Verdict verdict, List<String> reasons, Long runP50Micros) {
    public CapacityStep {
        reasons = List.copyOf(reasons);
    }

    /** Without a run time. */
    public CapacityStep(int number, boolean rising, double targetRate, String correlationId, long requests, long dispatchErrors, long tasks,
                        Double offeredRate, Double completionRate, Double busyRate, long busyMicros, Double queueGrowth, long waitingAtEnd,
                        Long p50WaitMicros, Long p95WaitMicros, long failed, long startMicros, long endMicros, Verdict verdict,
                        List<String> reasons) {
        this(number, rising, targetRate, correlationId, requests, dispatchErrors, tasks, offeredRate, completionRate, busyRate, busyMicros,
                queueGrowth, waitingAtEnd, p50WaitMicros, p95WaitMicros, failed, startMicros, endMicros, verdict, reasons, null);
    }

    /** What its workers completed flat out: the rate while its tasks waited, else its completion rate. */
    public Double saturatedPace() {
        return busyRate != null ? busyRate : completionRate;
    }

    /** How a step ended. */
    public enum Verdict {
        /** Completions within the tolerance of the offered rate, the queue bounded, the wait under the limit. */
        KEPT_UP,
        /** Completions fell behind or the queue grew: the workers were saturated. */
        SATURATED,
        /** Completions kept up but the p95 queue wait reached search.maxP95Wait. */
        WAIT_TOO_LONG,
        /** Dispatch errors or failed reads: the step says nothing about capacity. */
        FAULTED
    }

    public boolean keptUp() {
        return verdict == Verdict.KEPT_UP;
    }
}
