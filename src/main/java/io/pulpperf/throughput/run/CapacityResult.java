package io.pulpperf.throughput.run;

import java.util.List;

/**
 * What a capacity search found (issue 14). Rates are tasks per second, measured on the server.
 *
 * @param sustainedRate        offered rate of the highest step kept up with; null when none was
 * @param sustainedP95WaitMicros p95 queue wait of that step
 * @param saturatedRate        highest completion rate of a saturated step; null when no step saturated
 * @param steps                every step, in the order run
 * @param end                  why the search ended, in words
 */
public record CapacityResult(Double sustainedRate, Long sustainedP95WaitMicros, Double saturatedRate,
                             List<CapacityStep> steps, String end) {
    public CapacityResult {
        steps = List.copyOf(steps);
    }

    /** The result of these steps: the best kept-up step and the fastest saturated one. */
    public static CapacityResult of(List<CapacityStep> steps, String end) {
        CapacityStep best = null;
        Double saturated = null;
        for (CapacityStep s : steps) {
            if (s.keptUp() && s.offeredRate() != null && (best == null || s.targetRate() > best.targetRate())) best = s;
            if (s.verdict() == CapacityStep.Verdict.SATURATED && s.completionRate() != null) {
                saturated = saturated == null ? s.completionRate() : Math.max(saturated, s.completionRate());
            }
        }
        return new CapacityResult(best == null ? null : best.offeredRate(), best == null ? null : best.p95WaitMicros(),
                saturated, steps, end);
    }
}
