package io.pulpperf.throughput.run;

import java.util.List;

/**
 * What a capacity search found (issue 14). Rates are tasks per second, measured on the server.
 *
 * @param sustainedRate        offered rate of the highest step kept up with; null when none was
 * @param sustainedP95WaitMicros p95 queue wait of that step
 * @param saturatedRate        what the workers completed (while its tasks waited) in the saturated step nearest the
 *                             knee, the lowest rate not kept up with (issue 21); null when no step saturated
 * @param steps                every step, in the order run (the confirmation step is not one of them)
 * @param end                  why the search ended, in words
 * @param overload             the heaviest saturated step: offered and completed; null when no step saturated
 * @param confirmation         the sustained rate held again from a standing queue; null when not run
 */
public record CapacityResult(Double sustainedRate, Long sustainedP95WaitMicros, Double saturatedRate,
                             List<CapacityStep> steps, String end, Overload overload, Confirmation confirmation) {
    public CapacityResult {
        steps = List.copyOf(steps);
    }

    /** Offered and completed tasks per second in the heaviest saturated step. */
    public record Overload(double offeredRate, Double completedRate) {}

    /**
     * The confirmation step (issue 21): the sustained rate held again, starting with a standing queue.
     *
     * @param rate           the rate asked for (the sustained step's)
     * @param waitingAtStart tasks waiting when its first task was created
     * @param waitingAtEnd   tasks waiting when its last task was created
     * @param keptUp         whether the queue did not grow (within the tolerance) and no fault interrupted it
     * @param completedRate  tasks (queued and its own) completed per second while it was offered
     * @param p95WaitMicros  p95 queue wait of its own tasks
     * @param offeredRate    its tasks created per second on the server
     * @param runP50Micros   median run time of its tasks
     * @param seconds        how long it was offered
     */
    public record Confirmation(double rate, long waitingAtStart, long waitingAtEnd, boolean keptUp, Double completedRate, Long p95WaitMicros,
                               Double offeredRate, Long runP50Micros, double seconds) {}

    /** The result of these steps without a confirmation step. */
    public static CapacityResult of(List<CapacityStep> steps, String end) {
        return of(steps, end, null);
    }

    /** The best kept-up step; saturation from the saturated step nearest the knee; the heaviest one as the overload. */
    public static CapacityResult of(List<CapacityStep> steps, String end, Confirmation confirmation) {
        CapacityStep best = null;
        CapacityStep knee = null;
        CapacityStep heaviest = null;
        for (CapacityStep s : steps) {
            if (s.keptUp() && s.offeredRate() != null && (best == null || s.targetRate() > best.targetRate())) best = s;
            if (s.verdict() == CapacityStep.Verdict.SATURATED && s.saturatedPace() != null) {
                if (knee == null || s.targetRate() < knee.targetRate()) knee = s;
                if (heaviest == null || s.targetRate() > heaviest.targetRate()) heaviest = s;
            }
        }
        return new CapacityResult(best == null ? null : best.offeredRate(), best == null ? null : best.p95WaitMicros(),
                knee == null ? null : knee.saturatedPace(), steps, end,
                heaviest == null ? null : new Overload(heaviest.offeredRate() != null ? heaviest.offeredRate() : heaviest.targetRate(),
                        heaviest.saturatedPace()), confirmation);
    }

    /** The kept-up step the sustained rate comes from, or null. */
    public CapacityStep sustainedStep() {
        return steps.stream().filter(s -> s.keptUp() && s.offeredRate() != null)
                .max(java.util.Comparator.comparingDouble(CapacityStep::targetRate)).orElse(null);
    }

    /** The saturated step nearest the knee, or null. */
    public CapacityStep kneeStep() {
        return steps.stream().filter(s -> s.verdict() == CapacityStep.Verdict.SATURATED && s.saturatedPace() != null)
                .min(java.util.Comparator.comparingDouble(CapacityStep::targetRate)).orElse(null);
    }
}
