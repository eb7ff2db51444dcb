package io.pulpperf.throughput.report;

import io.pulpperf.throughput.measure.LatencyPart;
import io.pulpperf.throughput.measure.RawTaskCsv;
import io.pulpperf.throughput.run.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The test plan's results table (Run | Pulp-Workers | Requests | Tasks Submitted | Tasks / Sec
 * Processed | Observations), with "-" for what was not measured.
 */
public final class ResultsTable {
    private ResultsTable() {}

    public static String markdown(String title, List<JudgedScenario> judged) {
        return markdown(title, judged, Map.of());
    }

    /**
     * @param extraObservations more to say about a run in its Observations cell, by run id (e.g. the
     *                          database sampler's line); runs without an entry get none
     */
    public static String markdown(String title, List<JudgedScenario> judged, Map<String, String> extraObservations) {
        List<ScalingRow> scaling = Scaling.of(judged.stream().map(JudgedScenario::result).toList());
        StringBuilder out = new StringBuilder("## ").append(title).append("\n\n");
        out.append("| Run | Pulp-Workers | Requests | Tasks Submitted | Tasks / Sec Processed | Observations |\n");
        out.append("|-----|--------------|----------|-----------------|-----------------------|--------------|\n");
        for (int i = 0; i < judged.size(); i++) {
            ScenarioResult r = judged.get(i).result();
            out.append("| ").append(i + 1).append(' ').append(r.scenario().name())
               .append(" | ").append(r.workersOnline())
               .append(" | ").append(r.dispatch().requests())
               .append(" | ").append(r.metrics().submitted())
               .append(" | ").append(Format.rate(processed(r)))
               .append(" | ").append(observations(judged.get(i), scaling.get(i), extraObservations).replace("|", "\\|"))
               .append(" |\n");
        }
        out.append("\n**Key:** `-` = not measured. Tasks / Sec Processed = completed / (last finished_at - first started_at). ")
           .append("Scaling = TPS(N) / (N x TPS(1)) against the 1-worker run of the same workload, shape and closed model, named in Observations. ")
           .append("A capacity search (shape search) shows its sustained rate, and Requests and Tasks Submitted over all its steps.\n");
        out.append(FleetTable.markdown(judged, extraObservations));
        out.append(IngestionTable.markdown(judged));
        return out.toString();
    }

    /** Tasks / Sec Processed: the throughput, or a capacity search's sustained rate. */
    static Double processed(ScenarioResult r) {
        return r.capacity() != null ? r.capacity().sustainedRate() : r.metrics().throughput();
    }

    static String observations(JudgedScenario j, ScalingRow scaling) {
        return observations(j, scaling, Map.of());
    }

    static String observations(JudgedScenario j, ScalingRow scaling, Map<String, String> extraObservations) {
        ScenarioResult r = j.result();
        var m = r.metrics();
        List<String> parts = new ArrayList<>();
        parts.add(j.passed() ? "PASSED" : "FAILED (" + j.failures().stream().map(c -> c.kind().prefix() + " " + c.figure())
                .collect(Collectors.joining("; ")) + ")");
        parts.add(r.fleet() != null ? "fleet" : r.scenario().workload().key());
        if (r.capacity() != null) {
            parts.add(CapacityTable.sentence(r.capacity()) + " (" + r.capacity().steps().size() + " steps)");
        } else if (r.fleet() != null) {
            parts.add("fleet of " + r.fleet().size() + " worker counts, " + r.fleet().stream().mapToInt(c -> c.timeouts()).sum() + " timeouts");
        } else {
            parts.add("success " + Format.percent(m.successRate()));
            var wait = m.latency().get(LatencyPart.QUEUE_WAIT);
            parts.add(String.format(Locale.ROOT, "p95 wait %s ms", wait == null || wait.count() == 0 ? "-" : Format.ms(wait.p95())));
            if (m.steadyRate() != null) parts.add("steady " + Format.rate(m.steadyRate()) + "/s");
            if (r.ingestion() != null && r.ingestion().rate() != null) parts.add("ingests " + Format.rate(r.ingestion().rate()) + " tasks/s");
        }
        if (scaling.observation() != null) parts.add(scaling.observation());
        if (m.lost() > 0) parts.add(m.lost() + " lost");
        String failures = Failures.observation(m);
        if (!failures.isEmpty()) parts.add(failures);
        if (r.dispatch().errors() > 0) parts.add(r.dispatch().errors() + " dispatch errors");
        if (!r.finished()) parts.add("INCOMPLETE");
        if (r.fleet() == null && r.workersOnline() != r.scenario().workers()) parts.add("asked for " + r.scenario().workers() + " workers");
        for (var d : r.disruptions()) parts.add(DisruptionReport.sentence(d));  // issue 28
        String extra = extraObservations.get(r.runId());
        if (extra != null) parts.add(extra);
        return String.join(", ", parts);
    }

    /** The same table as static HTML, with the verdict coloured. */
    public static String html(String title, List<JudgedScenario> judged) {
        return html(title, judged, Map.of());
    }

    public static String html(String title, List<JudgedScenario> judged, Map<String, String> extraObservations) {
        List<ScalingRow> scaling = Scaling.of(judged.stream().map(JudgedScenario::result).toList());
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < judged.size(); i++) {
            JudgedScenario j = judged.get(i);
            ScenarioResult r = j.result();
            rows.add(new String[] {(i + 1) + " " + r.scenario().name(), String.valueOf(r.workersOnline()),
                    String.valueOf(r.dispatch().requests()), String.valueOf(r.metrics().submitted()),
                    Format.rate(processed(r)), Format.percent(scaling.get(i).efficiency()),
                    (j.passed() ? "!pass:" : "!fail:") + observations(j, scaling.get(i), extraObservations)});
        }
        return new HtmlPage(title).heading(title, null)
                .table(new String[] {"Run", "#Pulp-Workers", "#Requests", "#Tasks Submitted", "#Tasks / Sec Processed",
                        "#Scaling", "Observations"}, rows)
                .paragraph("- = not measured. Tasks / Sec Processed = completed / (last finished_at - first started_at). "
                        + "Scaling = TPS(N) / (N x TPS(1)) against the 1-worker run of the same workload, shape and closed model, named in Observations.")
                .render();
    }

    /** The same table as CSV (Allure 2 shows CSV attachments as full tables). */
    public static String csv(List<JudgedScenario> judged) {
        return csv(judged, Map.of());
    }

    public static String csv(List<JudgedScenario> judged, Map<String, String> extraObservations) {
        List<ScalingRow> scaling = Scaling.of(judged.stream().map(JudgedScenario::result).toList());
        StringBuilder out = new StringBuilder("Run,Pulp-Workers,Requests,Tasks Submitted,Tasks / Sec Processed,Scaling,Observations\n");
        for (int i = 0; i < judged.size(); i++) {
            ScenarioResult r = judged.get(i).result();
            out.append(i + 1).append(' ').append(r.scenario().name()).append(',').append(r.workersOnline()).append(',')
               .append(r.dispatch().requests()).append(',').append(r.metrics().submitted()).append(',')
               .append(Format.rate(processed(r))).append(',').append(Format.percent(scaling.get(i).efficiency())).append(',')
               .append(RawTaskCsv.quote(observations(judged.get(i), scaling.get(i), extraObservations))).append('\n');
        }
        return out.toString();
    }
}
