package io.pulpperf.throughput.report;

import io.pulpperf.throughput.measure.RawTaskCsv;
import io.pulpperf.throughput.run.FleetCount;
import io.pulpperf.throughput.run.IngestionResult;
import io.pulpperf.throughput.run.ScenarioResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The sibling plans' results tables (0001 worker scalability, 0002 task ingestion) as HTML and CSV,
 * for the Allure "Results matrix" beside the results table; results.md has them as markdown.
 * Empty strings when the run had no such scenario.
 */
public final class PlanTables {
    private static final String[] FLEET = {"Scenario", "#Instance Count", "Timeout (Yes/No)", "Bottleneck Identified"};
    private static final String[] INGESTION = {"Scenario", "#Simultaneous workers", "Tasks", "Observations"};

    private PlanTables() {}

    public static String fleetHtml(List<JudgedScenario> judged) {
        List<String[]> rows = fleetRows(judged);
        if (rows.isEmpty()) return "";
        String title = "Worker scalability (plan 0001)";
        return new HtmlPage(title).heading(title, null).table(FLEET, rows).paragraph(FleetTable.key(judged.stream().filter(j -> j.result().fleet() != null)
                .mapToDouble(j -> FleetTable.bottleneckAt(j.result())).findFirst().orElse(io.pulpperf.throughput.config.FleetSettings.DEFAULT_BOTTLENECK_AT)))
                .render();
    }

    public static String fleetCsv(List<JudgedScenario> judged) {
        return csv(FLEET, fleetRows(judged));
    }

    public static String ingestionHtml(List<JudgedScenario> judged) {
        List<String[]> rows = ingestionRows(judged);
        if (rows.isEmpty()) return "";
        String title = "Task ingestion (plan 0002)";
        return new HtmlPage(title).heading(title, null).table(INGESTION, rows).paragraph(IngestionTable.KEY).render();
    }

    public static String ingestionCsv(List<JudgedScenario> judged) {
        return csv(INGESTION, ingestionRows(judged));
    }

    private static List<String[]> fleetRows(List<JudgedScenario> judged) {
        List<String[]> rows = new ArrayList<>();
        for (JudgedScenario j : judged) {
            ScenarioResult r = j.result();
            if (r.fleet() == null) continue;
            for (FleetCount c : r.fleet()) {
                rows.add(new String[] {r.scenario().name(), String.valueOf(c.asked()), c.timeouts() > 0 ? "Yes" : "No", FleetTable.bottleneck(c, FleetTable.bottleneckAt(r))});
            }
        }
        return rows;
    }

    private static List<String[]> ingestionRows(List<JudgedScenario> judged) {
        List<String[]> rows = new ArrayList<>();
        for (JudgedScenario j : judged) {
            IngestionResult i = j.result().ingestion();
            if (i == null) continue;
            rows.add(new String[] {j.result().scenario().name(), String.valueOf(i.clients()), IngestionTable.tasks(i),
                    IngestionTable.observation(j.result())});
        }
        return rows;
    }

    private static String csv(String[] headers, List<String[]> rows) {
        if (rows.isEmpty()) return "";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < headers.length; i++) out.append(i == 0 ? "" : ",").append(RawTaskCsv.quote(headers[i].replace("#", "")));
        out.append('\n');
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) out.append(i == 0 ? "" : ",").append(RawTaskCsv.quote(row[i]));
            out.append('\n');
        }
        return out.toString();
    }
}
