package io.pulpperf.throughput.report;

import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.measure.LatencyPart;
import io.pulpperf.throughput.measure.LatencySummary;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.workers.WorkersAlive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares a scenario with the baseline's scenario of the same name: it regressed when its
 * throughput fell, or its p95 total latency rose, by more than the tolerance. A scenario the
 * baseline lacks, or a figure it did not measure, is noted and not failed.
 */
public final class BaselineComparison {
    private BaselineComparison() {}

    public static List<Check> compare(ScenarioResult r, Baseline baseline) {
        if (r.capacity() != null) return compareSustained(r.scenario().name(), r.capacity().sustainedRate(), baseline);
        LatencySummary total = r.metrics().latency().get(LatencyPart.TOTAL);
        Long p95 = total == null || total.count() == 0 ? null : total.p95();
        return compare(r.scenario().name(), r.metrics().throughput(), p95, baseline);
    }

    /**
     * As {@link #compare(ScenarioResult, Baseline)}, unless tonight's or the baseline's workers were
     * not all alive (issue 20): then every comparison is a note saying so, with its figures.
     *
     * @param tonight this run's worker health, null when not observed
     */
    public static List<Check> compare(ScenarioResult r, Baseline baseline, WorkersAlive tonight) {
        return unlessWorkersLeft(r.scenario().name(), compare(r, baseline), baseline, tonight);
    }

    /** As {@link #compareResources(String, Map, Baseline)}, with the same worker-health rule. */
    public static List<Check> compareResources(String scenario, Map<String, Double> peaks, Baseline baseline, WorkersAlive tonight) {
        return unlessWorkersLeft(scenario, compareResources(scenario, peaks, baseline), baseline, tonight);
    }

    /**
     * A run that lost a worker measured a smaller fleet: against it a fall is the fleet's doing, not
     * Pulp's, and a pass proves nothing. So neither fails nor passes; each comparison stays visible
     * as a note, with the worker named.
     */
    static List<Check> unlessWorkersLeft(String scenario, List<Check> checks, Baseline baseline, WorkersAlive tonight) {
        WorkersAlive before = baseline.scenario(scenario).map(Baseline.Figures::workers).orElse(null);
        List<String> why = new ArrayList<>();
        if (!WorkersAlive.alive(tonight)) why.add(tonight.describe() + " tonight");
        if (!WorkersAlive.alive(before)) why.add(before.describe() + " in the baseline " + baseline.source().getFileName());
        if (why.isEmpty()) return checks;
        String reason = "not compared: " + String.join("; ", why);
        return checks.stream().map(c -> c.verdict() == Check.Verdict.NOTE ? c : Check.note(c.kind(), c.figure(),
                reason + "; for information " + c.actual() + " against " + c.expected() + (c.detail().isEmpty() ? "" : ", " + c.detail())))
                .toList();
    }

    /**
     * @param throughput     this run's tasks per second, null when not measured
     * @param p95TotalMicros this run's p95 total latency, null when not measured
     */
    public static List<Check> compare(String scenario, Double throughput, Long p95TotalMicros, Baseline baseline) {
        Optional<Baseline.Figures> before = baseline.scenario(scenario);
        if (before.isEmpty()) {
            return List.of(Check.note(Check.Kind.REGRESSION, "baseline",
                    "scenario " + scenario + " is not in the baseline " + baseline.source().getFileName() + "; not compared"));
        }
        double tol = baseline.tolerance();
        Baseline.Figures b = before.get();
        Check tps;
        if (b.throughput() == null) {
            tps = Check.note(Check.Kind.REGRESSION, "tasks per second vs baseline", "the baseline did not measure it; not compared");
        } else {
            double floor = b.throughput() * (1 - tol);
            tps = Check.of(Check.Kind.REGRESSION, "tasks per second vs baseline", Format.rate(throughput),
                    "at least " + Format.rate(floor) + " (baseline " + Format.rate(b.throughput()) + " - " + pct(tol) + ")",
                    throughput != null && throughput >= floor,
                    throughput == null ? "not measured in this run" : "change " + change(throughput, b.throughput()));
        }
        Check latency;
        if (b.p95TotalMicros() == null) {
            latency = Check.note(Check.Kind.REGRESSION, "p95 total latency vs baseline", "the baseline did not measure it; not compared");
        } else if (p95TotalMicros == null) {
            latency = Check.note(Check.Kind.REGRESSION, "p95 total latency vs baseline", "no completed task in this run; not compared");
        } else {
            double ceiling = b.p95TotalMicros() * (1 + tol);
            latency = Check.of(Check.Kind.REGRESSION, "p95 total latency vs baseline", Format.ms(p95TotalMicros) + " ms",
                    "at most " + Format.ms(ceiling) + " ms (baseline " + Format.ms(b.p95TotalMicros()) + " ms + " + pct(tol) + ")",
                    p95TotalMicros <= ceiling, "change " + change(p95TotalMicros, b.p95TotalMicros()));
        }
        return List.of(tps, latency);
    }

    /**
     * Resource peaks against the baseline's (issue 13): a series whose peak rose by more than the
     * tolerance regressed (the same work cost more CPU, memory or connections). A series the
     * baseline lacks, or whose baseline peak was 0, is not compared.
     *
     * @param peaks this run's peak by series name
     */
    public static List<Check> compareResources(String scenario, Map<String, Double> peaks, Baseline baseline) {
        Optional<Baseline.Figures> before = baseline.scenario(scenario);
        if (before.isEmpty() || peaks.isEmpty()) return List.of();
        double tol = baseline.tolerance();
        List<Check> out = new ArrayList<>();
        for (var e : peaks.entrySet()) {
            Double b = before.get().resourcePeaks().get(e.getKey());
            if (b == null || b <= 0 || e.getValue().isNaN()) continue;
            double ceiling = b * (1 + tol);
            out.add(Check.of(Check.Kind.REGRESSION, e.getKey() + " peak vs baseline", number(e.getValue()),
                    "at most " + number(ceiling) + " (baseline " + number(b) + " + " + pct(tol) + ")", e.getValue() <= ceiling,
                    "change " + change(e.getValue(), b)));
        }
        return out;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 1e6 ? "%.4g" : "%.3f", v);
    }

    /**
     * A capacity search is judged by its sustained rate alone: its tasks' overall throughput and
     * latency mix steps of different rates and say nothing comparable.
     */
    public static List<Check> compareSustained(String scenario, Double sustained, Baseline baseline) {
        Optional<Baseline.Figures> before = baseline.scenario(scenario);
        String figure = "sustained tasks per second vs baseline";
        if (before.isEmpty()) {
            return List.of(Check.note(Check.Kind.REGRESSION, "baseline",
                    "scenario " + scenario + " is not in the baseline " + baseline.source().getFileName() + "; not compared"));
        }
        Double b = before.get().sustainedRate();
        if (b == null) return List.of(Check.note(Check.Kind.REGRESSION, figure, "the baseline did not find one; not compared"));
        double floor = b * (1 - baseline.tolerance());
        return List.of(Check.of(Check.Kind.REGRESSION, figure, Format.rate(sustained),
                "at least " + Format.rate(floor) + " (baseline " + Format.rate(b) + " - " + pct(baseline.tolerance()) + ")",
                sustained != null && sustained >= floor,
                sustained == null ? "no rate was sustained in this run" : "change " + change(sustained, b)));
    }

    private static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    /** "+12.5%" or "-3.0%". */
    static String change(double now, double before) {
        if (before == 0) return "n/a";
        return String.format(Locale.ROOT, "%+.1f%%", (now - before) / before * 100);
    }
}
