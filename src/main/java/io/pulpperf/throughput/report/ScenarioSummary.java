package io.pulpperf.throughput.report;

import io.pulpperf.throughput.measure.LatencyPart;
import io.pulpperf.throughput.measure.LatencySummary;
import io.pulpperf.throughput.measure.RunMetrics;
import io.pulpperf.throughput.measure.TimelineBucket;
import io.pulpperf.throughput.run.ScenarioResult;
import java.util.Locale;
import java.util.Map;

/** Short texts about one scenario: the one-line summary, the timeline CSV, the error groups. */
public final class ScenarioSummary {
    private ScenarioSummary() {}

    /** One line a person reads first: counts, rates, success, losses and the p95 wait. */
    public static String line(ScenarioResult r) {
        RunMetrics m = r.metrics();
        // A capacity search's own result first; the figures after it are over all its steps' tasks.
        String capacity = r.capacity() == null ? "" : r.scenario().name() + ": " + CapacityTable.sentence(r.capacity()) + " ("
                + r.capacity().steps().size() + " steps); all steps together: ";
        return capacity + String.format(Locale.ROOT,
                "%s: %d/%d tasks completed, %s tasks/s (steady %s, makespan %s), success %s, lost %d, p95 queue wait %s, p95 total %s, %d workers%s",
                r.scenario().name(), m.completed(), m.submitted(), Format.rate(m.throughput()), Format.rate(m.steadyRate()),
                Format.rate(m.makespanRate()), Format.percent(m.successRate()), m.lost(),
                Format.msWithUnit(m.latency().get(LatencyPart.QUEUE_WAIT), LatencySummary::p95), Format.msWithUnit(m.latency().get(LatencyPart.TOTAL), LatencySummary::p95),
                r.workersOnline(), r.finished() ? "" : " (INCOMPLETE)") + Failures.sentence(m);
    }

    /** The full text summary: what was measured where, every figure, notes and problems. */
    public static String text(ScenarioResult r) {
        RunMetrics m = r.metrics();
        StringBuilder out = new StringBuilder(line(r)).append("\n\n");
        out.append("target:            ").append(r.target()).append('\n');
        out.append("run id:            ").append(r.runId()).append(" (Correlation-ID and logging_cid)\n");
        out.append("submitted:         ").append(m.submitted()).append(" tasks accepted of ").append(r.dispatch().requests()).append(" requests\n");
        out.append("observed:          ").append(m.observed()).append(" (lost ").append(m.lost()).append(", unreadable ").append(m.unreadable()).append(")\n");
        out.append("by state:          ").append(m.byState()).append('\n');
        out.append("throughput:        ").append(Format.rate(m.throughput())).append(" tasks/s = completed / (last finished_at - first started_at)\n");
        out.append("steady rate:       ").append(Format.rate(m.steadyRate())).append(" tasks/s between the 10th and 90th percentile finish\n");
        out.append("makespan rate:     ").append(Format.rate(m.makespanRate())).append(" tasks/s = completed / (last finished_at - first pulp_created)\n");
        out.append("success rate:      ").append(Format.percent(m.successRate())).append(" = completed / observed\n");
        out.append("dispatch:          ").append(Format.rate(r.dispatch().requestRate())).append(" requests/s, p50 ")
                .append(Format.ms(r.dispatch().latency(), LatencySummary::p50)).append(" ms, p99 ").append(Format.ms(r.dispatch().latency(), LatencySummary::p99))
                .append(" ms, by status ").append(r.dispatch().byStatus()).append('\n');
        m.failures().forEach(f -> out.append("failed by reason:  ").append(f.count()).append(" x ").append(f.reason())
                .append(" (first task ").append(f.firstTask()).append(")\n"));
        r.notes().forEach(n -> out.append("note:              ").append(n).append('\n'));
        r.problems().forEach(p -> out.append("problem:           ").append(p).append('\n'));
        if (!m.lostHrefs().isEmpty()) out.append("lost tasks:        ").append(m.lostHrefs()).append('\n');
        return out.toString();
    }

    /** The timeline as CSV: per interval, tasks created, started, finished, and waiting/running at its end. */
    public static String timelineCsv(RunMetrics m) {
        StringBuilder out = new StringBuilder("offset_s,created,started,finished,waiting,running\n");
        for (TimelineBucket b : m.timeline()) {
            out.append(String.format(Locale.ROOT, "%.3f", b.startMicros() / 1e6)).append(',').append(b.created()).append(',')
               .append(b.started()).append(',').append(b.finished()).append(',').append(b.waiting()).append(',').append(b.running()).append('\n');
        }
        return out.toString();
    }

    /** Failed and canceled tasks by reason (ids and values masked), most frequent first, with the first task and its whole error. */
    public static String failuresCsv(RunMetrics m) {
        return failuresCsv(m, null);
    }

    /**
     * As above, and with the log observer's figures a {@code log_lines} column: what Pulp logged
     * about each reason's first task (issue 26 item 3), beside its error.
     *
     * @param logs the scenario's {@code observed.logs} figures, or null (no log source: no column)
     */
    public static String failuresCsv(RunMetrics m, Object logs) {
        FailedTaskLogs lines = FailedTaskLogs.of(logs);
        StringBuilder out = new StringBuilder("count,reason,first_task,example").append(lines == null ? "" : ",log_lines").append('\n');
        for (var f : m.failures()) {
            out.append(f.count()).append(',').append(io.pulpperf.throughput.measure.RawTaskCsv.quote(f.reason())).append(',')
               .append(io.pulpperf.throughput.measure.RawTaskCsv.quote(f.firstTask())).append(',')
               .append(io.pulpperf.throughput.measure.RawTaskCsv.quote(f.example()));
            if (lines != null) out.append(',').append(io.pulpperf.throughput.measure.RawTaskCsv.quote(lines.text(f.firstTask())));
            out.append('\n');
        }
        return out.toString();
    }

    /** Failed tasks grouped by their exact error description, most frequent first. */
    public static String errorsCsv(RunMetrics m) {
        StringBuilder out = new StringBuilder("count,error\n");
        m.errors().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.append(e.getValue()).append(',').append(io.pulpperf.throughput.measure.RawTaskCsv.quote(e.getKey())).append('\n'));
        return out.toString();
    }
}
