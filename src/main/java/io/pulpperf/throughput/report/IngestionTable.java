package io.pulpperf.throughput.report;

import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.run.IngestionResult;
import io.pulpperf.throughput.run.ScenarioResult;
import java.util.List;
import java.util.Locale;

/**
 * The task ingestion plan's (0002) results table (issue 20): {@code Simultaneous workers | Tasks |
 * Observations}, one row per task-ingestion scenario, with the clients as the plan's
 * "simultaneous workers", the tasks one request of the view dispatched, and the ingestion rate
 * and the workers' drain in Observations.
 */
public final class IngestionTable {
    private IngestionTable() {}

    /** The plan's table over the run's task-ingestion scenarios; "" when there is none. */
    public static String markdown(List<JudgedScenario> judged) {
        List<ScenarioResult> rows = judged.stream().map(JudgedScenario::result).filter(r -> r.ingestion() != null).toList();
        if (rows.isEmpty()) return "";
        StringBuilder out = new StringBuilder("\n### Task ingestion (plan 0002)\n\n");
        out.append("| Simultaneous workers | Tasks | Observations |\n|---|---|---|\n");
        for (ScenarioResult r : rows) {
            IngestionResult i = r.ingestion();
            out.append("| ").append(i.clients()).append(" | ").append(tasks(i)).append(" | ").append(observation(r).replace("|", "\\|")).append(" |\n");
        }
        out.append("\n").append(KEY).append("\n");
        return out.toString();
    }

    static final String KEY = "Simultaneous workers = clients requesting the test view at once; Tasks = tasks_executed of one request (the view "
            + "dispatches for a fixed time). Ingestion rate = (tasks - 1) / (last - first pulp_created), server clock; per request = "
            + "tasks_executed / the request's duration. Drain = completed / (last finished_at - first started_at).";

    /** The Tasks cell: tasks per request, "-" when unknown. */
    static String tasks(IngestionResult i) {
        return i.tasksPerRequest() == null ? "-" : String.format(Locale.ROOT, "%.0f per request", i.tasksPerRequest());
    }

    /** E.g. "r1: ingests 176.2 tasks/s (per request 170.1-180.3/s), 880 tasks; drained at 5.28 tasks/s". */
    static String observation(ScenarioResult r) {
        IngestionResult i = r.ingestion();
        String perRequest = i.perRequestRates().isEmpty() ? "-" : i.perRequestRates().size() == 1 ? rate(i.perRequestRates().get(0)) + "/s"
                : rate(i.perRequestRates().stream().mapToDouble(Double::doubleValue).min().orElse(0)) + "-"
                        + rate(i.perRequestRates().stream().mapToDouble(Double::doubleValue).max().orElse(0)) + "/s";
        return r.scenario().name() + ": ingests " + rate(i.rate()) + " tasks/s (per request " + perRequest + "), " + i.tasks()
                + " tasks; drained at " + Format.rate(r.metrics().throughput()) + " tasks/s by " + r.workersOnline() + " workers";
    }

    /** thresholds.minIngestionRate, or a note with the figure when it is not set. */
    public static Check check(ScenarioResult r) {
        Double rate = r.ingestion().rate();
        Double min = r.scenario().thresholds().minIngestionRate();
        String what = "tasks created per second, first to last pulp_created";
        if (min == null) return Check.note(Check.Kind.THRESHOLD, "ingestion rate", rate(rate) + " tasks/s: " + what);
        return Check.of(Check.Kind.THRESHOLD, "ingestion rate", rate(rate), "at least " + rate(min), rate != null && rate >= min, what);
    }

    private static String rate(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }
}
