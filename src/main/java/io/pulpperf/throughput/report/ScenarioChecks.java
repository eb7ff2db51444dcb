package io.pulpperf.throughput.report;

import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.measure.RunMetrics;
import io.pulpperf.throughput.run.DispatchSummary;
import io.pulpperf.throughput.run.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The checks every scenario must pass: its thresholds, a complete run, and a target that answered. */
public final class ScenarioChecks {
    private ScenarioChecks() {}

    public static List<Check> of(ScenarioResult r) {
        if (r.fleet() != null) return FleetTable.checks(r);  // no tasks: its own thresholds (issue 20)
        RunMetrics m = r.metrics();
        Thresholds t = r.scenario().thresholds();
        List<Check> checks = new ArrayList<>();
        checks.add(Check.of(Check.Kind.THRESHOLD, "tasks per second", Format.rate(m.throughput()),
                "at least " + Format.rate(t.minTasksPerSecond()),
                m.throughput() != null && m.throughput() >= t.minTasksPerSecond(),
                "completed / (last finished_at - first started_at)"));
        checks.add(Check.of(Check.Kind.THRESHOLD, "success rate", Format.percent(m.successRate()),
                "at least " + Format.percent(t.minSuccessRate()),
                m.successRate() != null && m.successRate() >= t.minSuccessRate(),
                "completed / observed; " + m.failed() + " failed"));
        if (r.capacity() != null) checks.add(sustained(r));
        if (r.ingestion() != null) checks.add(IngestionTable.check(r));  // plan 0002's figure (issue 20)
        checks.add(Check.of(Check.Kind.THRESHOLD, "lost tasks", String.valueOf(m.lost()), "at most " + t.maxLostTasks(),
                m.lost() <= t.maxLostTasks(),
                m.lostHrefs().isEmpty() ? "accepted at dispatch, never found" : "first: " + m.lostHrefs().subList(0, Math.min(3, m.lostHrefs().size()))));
        checks.add(Check.of(Check.Kind.INCOMPLETE_RUN, "every task finished before the timeout", r.finished() ? "yes" : "no",
                "yes", r.finished(), r.finished() ? "" : m.unfinished() + " still unfinished when collected"));
        DispatchSummary d = r.dispatch();
        // Issue 28: errors while a disruption went on are its cost, judged by its own figures, not the scenario's.
        long byDisruptions = DisruptionReport.dispatchErrors(r);
        long own = Math.max(0, d.errors() - byDisruptions);
        checks.add(Check.of(dispatchKind(d, r.finished()), "dispatch requests without a task", String.valueOf(own), "0",
                own == 0, (d.errors() == 0 ? "" : "by HTTP status: " + statuses(d.byStatus()))
                        + (byDisruptions == 0 ? "" : "; " + byDisruptions + " more while a disruption went on, not counted here")));
        checks.addAll(DisruptionReport.checks(r));
        checks.add(Check.of(Check.Kind.RUN_PROBLEM, "problems during the run", String.valueOf(r.problems().size()), "0",
                r.problems().isEmpty(), String.join("; ", r.problems())));
        return checks;
    }

    /** A capacity search's sustained rate against thresholds.minSustainedRate (a note when that is not set). */
    static Check sustained(ScenarioResult r) {
        Double sustained = r.capacity().sustainedRate();
        Double min = r.scenario().thresholds().minSustainedRate();
        String what = "offered rate of the highest step kept up with; " + CapacityTable.sentence(r.capacity());
        if (min == null) return Check.note(Check.Kind.THRESHOLD, "sustained tasks per second", Format.rate(sustained) + ": " + what);
        return Check.of(Check.Kind.THRESHOLD, "sustained tasks per second", Format.rate(sustained), "at least " + Format.rate(min),
                sustained != null && sustained >= min, what);
    }

    /**
     * Requests without an answer in a run that timed out were most likely cut off by the
     * scenario's deadline: they belong to the incomplete run. Refusals (401, 403), throttling
     * (429), server errors (5xx), other rejections, and missing answers in a run that otherwise
     * finished, are the target's.
     */
    static Check.Kind dispatchKind(DispatchSummary d, boolean finished) {
        boolean onlyUnanswered = d.byStatus().keySet().stream().allMatch(s -> s < 0 || s == 202 || s == 200);
        return !finished && onlyUnanswered ? Check.Kind.INCOMPLETE_RUN : Check.Kind.TARGET_ERROR;
    }

    /** "202=95, 500=5, no answer=2". */
    static String statuses(Map<Integer, Long> byStatus) {
        return byStatus.entrySet().stream()
                .map(e -> (e.getKey() < 0 ? "no answer" : String.valueOf(e.getKey())) + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
