package io.pulpperf.throughput.report;

import io.pulpperf.throughput.measure.LatencyPart;
import io.pulpperf.throughput.run.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The test plan's results table (Run | Pulp-Workers | Requests | Tasks Submitted | Tasks / Sec
 * Processed | Observations), with "-" for what was not measured.
 */
public final class ResultsTable {
    private ResultsTable() {}

    public static String markdown(String title, List<ScenarioResult> results) {
        return markdown(title, results, Map.of());
    }

    /**
     * @param extraObservations more to say about a run in its Observations cell, by run id (e.g. the
     *                          database sampler's line); runs without an entry get none
     */
    public static String markdown(String title, List<ScenarioResult> results, Map<String, String> extraObservations) {
        StringBuilder out = new StringBuilder("## ").append(title).append("\n\n");
        out.append("| Run | Pulp-Workers | Requests | Tasks Submitted | Tasks / Sec Processed | Observations |\n");
        out.append("|-----|--------------|----------|-----------------|-----------------------|--------------|\n");
        int run = 1;
        for (ScenarioResult r : results) {
            out.append("| ").append(run++).append(' ').append(r.scenario().name())
               .append(" | ").append(r.workersOnline())
               .append(" | ").append(r.dispatch().requests())
               .append(" | ").append(r.metrics().submitted())
               .append(" | ").append(Format.rate(r.metrics().throughput()))
               .append(" | ").append(observations(r, extraObservations.get(r.runId())).replace("|", "\\|"))
               .append(" |\n");
        }
        out.append("\n**Key:** `-` = not measured. Tasks / Sec Processed = completed / (last finished_at - first started_at).\n");
        return out.toString();
    }

    static String observations(ScenarioResult r) {
        return observations(r, null);
    }

    static String observations(ScenarioResult r, String extra) {
        var m = r.metrics();
        List<String> parts = new ArrayList<>();
        parts.add(r.scenario().workload().key());
        parts.add("success " + Format.percent(m.successRate()));
        parts.add(String.format(Locale.ROOT, "p95 wait %s ms", Format.ms(m.latency().get(LatencyPart.QUEUE_WAIT).p95())));
        if (m.steadyRate() != null) parts.add("steady " + Format.rate(m.steadyRate()) + "/s");
        if (m.lost() > 0) parts.add(m.lost() + " lost");
        if (m.failed() > 0) parts.add(m.failed() + " failed");
        if (r.dispatch().errors() > 0) parts.add(r.dispatch().errors() + " dispatch errors");
        if (!r.finished()) parts.add("INCOMPLETE");
        if (r.workersOnline() != r.scenario().workers()) parts.add("asked for " + r.scenario().workers() + " workers");
        if (extra != null) parts.add(extra);
        return String.join(", ", parts);
    }
}
