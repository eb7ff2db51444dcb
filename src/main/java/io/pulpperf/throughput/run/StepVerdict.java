package io.pulpperf.throughput.run;

import io.pulpperf.throughput.config.SearchSettings;
import io.pulpperf.throughput.measure.StepRates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges one capacity step. Faults come first: a step with dispatch errors or reads that failed
 * is reported as interrupted, never taken for saturation. Otherwise it keeps up when, between the
 * step's quietest instants (see StepRates), its completions are within the tolerance of its
 * arrivals and the queue grows by at most the tolerance of them, the workers' pace while its tasks
 * waited (when measured) is within the tolerance of the offered rate, and (if set) the p95 queue
 * wait is under the limit.
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
        // Judged on whole-task counts between the step's quietest instants, so one task of slack on top of the tolerance.
        List<String> saturation = new ArrayList<>();
        double share = 1 - s.tolerance();
        if (f.completed() < f.arrived() * share - 1) {
            saturation.add(String.format(Locale.ROOT, "completed %d of the %d tasks that arrived between its quietest instants "
                    + "(fewer than %.0f%%): completion %s tasks/s", f.completed(), f.arrived(), share * 100,
                    f.completionRate() == null ? "-" : String.format(Locale.ROOT, "%.4g", f.completionRate())));
        }
        // Short steps leave few tasks to count; the workers' own pace while tasks waited tells saturation apart sooner.
        if (f.busyRate() != null && f.offeredRate() != null && f.busyRate() < f.offeredRate() * share) {
            saturation.add(String.format(Locale.ROOT, "while its tasks waited, the workers completed %.4g tasks/s, below the %.4g "
                    + "offered less %.0f%%", f.busyRate(), f.offeredRate(), s.tolerance() * 100));
        }
        long grown = f.waitingAtEnd() - f.waitingAtStart();
        if (grown > f.arrived() * s.tolerance() + 1) {
            saturation.add(String.format(Locale.ROOT, "the queue grew by %d tasks (%.3g tasks/s), more than %.0f%% of the %d that arrived",
                    grown, f.queueGrowth(), s.tolerance() * 100, f.arrived()));
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
