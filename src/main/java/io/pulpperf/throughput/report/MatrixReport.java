package io.pulpperf.throughput.report;

import io.pulpperf.throughput.usl.Scalability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * The whole matrix after its scenarios: the results table, results.json, and throughput against
 * workers with scaling efficiency, as files in the output directory.
 *
 * @param title       the table's heading (date and target)
 * @param markdown    the results table as in the seed plan (results.md)
 * @param html        the same table as static HTML
 * @param csv         the same table as CSV
 * @param json        every figure of every scenario (results.json)
 * @param scalingCsv  the scaling chart's data
 * @param scalingSvg  the scaling chart, with the USL fits
 * @param scalabilityHtml the USL fit and measured steps per group (issue 22)
 * @param scalabilityCsv  the same as CSV
 * @param fleetHtml       plan 0001's table per worker count (fleet shape), "" without a fleet scenario
 * @param fleetCsv        the same as CSV
 * @param ingestionHtml   plan 0002's table (task-ingestion scenarios), "" without one
 * @param ingestionCsv    the same as CSV
 */
public record MatrixReport(String title, String markdown, String html, String csv, String json, String scalingCsv, String scalingSvg,
                           String scalabilityHtml, String scalabilityCsv, String fleetHtml, String fleetCsv, String ingestionHtml,
                           String ingestionCsv) {

    public static MatrixReport of(Map<String, Object> context, List<JudgedScenario> judged) throws IOException {
        return of(context, judged, Map.of());
    }

    /** @param extraObservations more for a run's Observations cell, by run id (the database sampler's line) */
    public static MatrixReport of(Map<String, Object> context, List<JudgedScenario> judged, Map<String, String> extraObservations)
            throws IOException {
        return of(context, judged, extraObservations, Map.of());
    }

    /** @param observed the observers' figures for results.json, by run id, then by source */
    public static MatrixReport of(Map<String, Object> context, List<JudgedScenario> judged, Map<String, String> extraObservations,
                                  Map<String, Map<String, Object>> observed) throws IOException {
        return of(context, judged, extraObservations, observed, Map.of());
    }

    /** @param sections more of each scenario for results.json, by run id, then by key (ResultsJson) */
    public static MatrixReport of(Map<String, Object> context, List<JudgedScenario> judged, Map<String, String> extraObservations,
                                  Map<String, Map<String, Object>> observed, Map<String, Map<String, Object>> sections) throws IOException {
        String title = "Task throughput, " + context.get("date") + " - " + context.get("target");
        // The chart and scaling.csv: one point per scenario (its rounds' median), not one per round.
        List<ScalingRow> scaling = Scaling.perScenario(judged.stream().map(JudgedScenario::result).toList());
        List<Scalability> scalability = ScalabilityGroups.of(judged.stream().map(JudgedScenario::result).toList(), observed);
        JFreeChart chart = ScalingChart.of("Throughput against task workers", scaling, scalability);
        return new MatrixReport(title, ResultsTable.markdown(title, judged, extraObservations) + ScalabilityTable.markdown(scalability),
                ResultsTable.html(title, judged, extraObservations), ResultsTable.csv(judged, extraObservations), ResultsJson.json(context, judged, observed, sections), Scaling.csv(scaling), Charts.svg(chart, ScalingChart.WIDTH, ScalingChart.HEIGHT),
                ScalabilityTable.html(scalability), ScalabilityTable.csv(scalability), PlanTables.fleetHtml(judged), PlanTables.fleetCsv(judged),
                PlanTables.ingestionHtml(judged), PlanTables.ingestionCsv(judged));
    }

    /** Writes results.md, results.json, scaling.csv, scaling.svg and scalability.csv into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.md"), markdown);
        Files.writeString(dir.resolve("results.json"), json);
        Files.writeString(dir.resolve("scaling.csv"), scalingCsv);
        Files.writeString(dir.resolve("scaling.svg"), scalingSvg);
        Files.writeString(dir.resolve("scalability.csv"), scalabilityCsv);
    }
}
