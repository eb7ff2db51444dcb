package io.pulpperf.throughput.run;

import io.pulpperf.throughput.config.SearchSettings;
import io.pulpperf.throughput.measure.StepRates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges one capacity step. Faults come first: a step with dispatch errors or reads that failed
 * is reported as interrupted, never taken for saturation. Otherwise it keeps up when completions
 * are within the tolerance of the offered rate, the queue grows by less than the tolerance of
 * it, and (if set) the p95 queue wait is under the limit.
 *
 * @param verdict the step's verdict
 * @param reasons why, in words
 */
record StepVerdict(CapacityStep.Verdict verdict, List<String> reasons) {

    /**
     * @param faults what went wrong while dispatching or reading the step (empty when nothing did)
     */
    static StepVerdict judge(StepRates.Figures f, Long p95WaitMicros, List<String> faults, SearchSettings s) {
        if (!faults.isEmpty()) return new StepVerdict(CapacityStep.Verdict.FAULTED, faults);
        if (f.offeredRate() == null) {
            return new StepVerdict(CapacityStep.Verdict.FAULTED, List.of("too few tasks on the server to measure a rate"));
        }
        double offered = f.offeredRate();
        List<String> saturation = new ArrayList<>();
        double floor = offered * (1 - s.tolerance());
        if (f.completionRate() == null || f.completionRate() < floor) {
            saturation.add(String.format(Locale.ROOT, "completed %s tasks/s, below the %.4g offered less %.0f%%",
                    f.completionRate() == null ? "no" : String.format(Locale.ROOT, "%.4g", f.completionRate()), offered,
                    s.tolerance() * 100));
        }
        if (f.queueGrowth() != null && f.queueGrowth() > offered * s.tolerance()) {
            saturation.add(String.format(Locale.ROOT, "the queue grew by %.3g tasks/s (%d waiting at the step's end), more than %.0f%% of the offered rate",
                    f.queueGrowth(), f.waitingAtEnd(), s.tolerance() * 100));
        }
        if (!saturation.isEmpty()) return new StepVerdict(CapacityStep.Verdict.SATURATED, saturation);
        if (s.maxP95Wait() != null && (p95WaitMicros == null || p95WaitMicros >= s.maxP95Wait().toNanos() / 1000)) {
            return new StepVerdict(CapacityStep.Verdict.WAIT_TOO_LONG, List.of(String.format(Locale.ROOT,
                    "p95 queue wait %s s reached search.maxP95Wait %.3f s",
                    p95WaitMicros == null ? "-" : String.format(Locale.ROOT, "%.3f", p95WaitMicros / 1e6),
                    s.maxP95Wait().toNanos() / 1e9)));
        }
        return new StepVerdict(CapacityStep.Verdict.KEPT_UP, List.of());
    }
}
