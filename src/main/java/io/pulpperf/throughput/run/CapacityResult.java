package io.pulpperf.throughput.run;

import java.util.List;

/**
 * What a capacity search found (issue 14). Rates are tasks per second, measured on the server.
 *
 * @param sustainedRate        offered rate of the highest step kept up with; null when none was
 * @param sustainedP95WaitMicros p95 queue wait of that step
 * @param saturatedRate        completion rate of a saturated step while its tasks waited (the longest such
 *                             stretch of all saturated steps: the most completions); null when no step saturated
 * @param steps                every step, in the order run
 * @param end                  why the search ended, in words
 */
public record CapacityResult(Double sustainedRate, Long sustainedP95WaitMicros, Double saturatedRate,
                             List<CapacityStep> steps, String end) {
    public CapacityResult {
        steps = List.copyOf(steps);
    }

    /** The result of these steps: the best kept-up step, and the saturated one measured longest while busy. */
    public static CapacityResult of(List<CapacityStep> steps, String end) {
        CapacityStep best = null;
        CapacityStep saturated = null;
        for (CapacityStep s : steps) {
            if (s.keptUp() && s.offeredRate() != null && (best == null || s.targetRate() > best.targetRate())) best = s;
            if (s.verdict() == CapacityStep.Verdict.SATURATED && s.busyRate() != null
                    && (saturated == null || s.busyMicros() > saturated.busyMicros())) {
                saturated = s;
            }
        }
        return new CapacityResult(best == null ? null : best.offeredRate(), best == null ? null : best.p95WaitMicros(),
                saturated == null ? null : saturated.busyRate(), steps, end);
    }
}
