package io.pulpperf.throughput.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulpperf.throughput.usl.MeasuredPoint;
import io.pulpperf.throughput.usl.Scalability;
import io.pulpperf.throughput.usl.UslModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The USL fit in the matrix report: results.json, results.md, the Scalability table and the chart. */
class ScalabilityReportTest {
    private static final UslModel TRUTH = new UslModel(50, 0.1, 0.005);  // N* = 13.4
    private static final int[] COUNTS = {1, 2, 4, 8, 16, 32};

    private static List<JudgedScenario> sweep(UslModel m, int... counts) {
        List<JudgedScenario> out = new ArrayList<>();
        for (int n : counts) out.add(new JudgedScenario(RunFixture.of("delete-" + n + "w", n, m.rate(n)).build(), List.of()));
        return out;
    }

    @Test
    void resultsJsonListsEachGroupsFitAndMeasuredSteps() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ResultsJson.json(Map.of("date", "d"), sweep(TRUTH, COUNTS)));
        JsonNode s = root.path("scalability");
        assertThat(s).hasSize(1);
        JsonNode g = s.get(0);
        assertThat(g.path("group").asText()).isEqualTo("repository-delete");
        assertThat(g.path("fitted").asBoolean()).isTrue();
        assertThat(g.path("sigma").asDouble()).isCloseTo(0.1, within(0.01));
        assertThat(g.path("kappa").asDouble()).isCloseTo(0.005, within(0.0005));
        assertThat(g.path("peakWorkers").asDouble()).isCloseTo(TRUTH.peakWorkers(), within(1.0));
        assertThat(g.path("r2").asDouble()).isGreaterThan(0.99);
        for (String key : List.of("lambda", "peakRate", "bestMeasuredWorkers", "bestMeasuredRate")) assertThat(g.has(key)).as(key).isTrue();
        assertThat(g.path("points")).hasSize(6);
        assertThat(g.path("points").get(0).path("marginalGain").isNull()).isTrue();
        assertThat(g.path("points").get(1).path("workers").asInt()).isEqualTo(2);
        assertThat(g.path("points").get(1).has("rate")).isTrue();
    }

    @Test
    void resultsMdGetsOneObservationLinePerGroupAndNoneWithoutOne() throws Exception {
        Map<String, Object> context = Map.of("date", "d", "target", "t");
        String md = MatrixReport.of(context, sweep(TRUTH, COUNTS)).markdown();
        assertThat(md).contains("**Scalability (USL fit per workload and shape):**").contains("- repository-delete: USL lambda")
                .contains("peak N* 13.");
        assertThat(MatrixReport.of(context, sweep(TRUTH, 2)).markdown()).doesNotContain("Scalability");
        assertThat(md.split("\\*\\*Scalability", -1)).as("the lines appear once").hasSize(2);
    }

    @Test
    void theTableShowsTheModelOnlyWhereItFits() {
        String fitted = ScalabilityTable.html(List.of(Scalability.of("good", points(TRUTH))));
        assertThat(fitted).contains("lambda (tasks/s)").contains("N* (workers)").contains("X(N*) (tasks/s)").contains("±")
                .doesNotContain("Model not shown");
        String poor = ScalabilityTable.html(List.of(Scalability.of("pulp", List.of(MeasuredPoint.of("a", 1, 11.28),
                MeasuredPoint.of("b", 2, 16.58), MeasuredPoint.of("c", 4, 16.28), MeasuredPoint.of("d", 8, 14.33),
                MeasuredPoint.of("e", 16, 15.05), MeasuredPoint.of("f", 32, 14.72)))));
        assertThat(poor).contains("Model not shown: USL fit R^2 0.49 &lt; 0.90").doesNotContain("lambda (tasks/s)")
                .contains("best measured 2 workers at 16.58 tasks/s");
        assertThat(ScalabilityTable.csv(List.of(Scalability.of("good", points(TRUTH)))).lines()).hasSize(7);
    }

    @Test
    void theChartGainsTheFittedCurveTheSpreadAndNStar() throws Exception {
        List<MeasuredPoint> points = new ArrayList<>();
        List<Scaling.Point> scaling = new ArrayList<>();
        for (int n : COUNTS) {
            double r = TRUTH.rate(n);
            points.add(new MeasuredPoint("d" + n, n, List.of(r), r * 0.95, r * 1.05));
            scaling.add(new Scaling.Point("repository-delete", "d" + n, n, r));
        }
        Scalability s = Scalability.of("repository-delete", points);
        String svg = Charts.svg(ScalingChart.of("t", Scaling.rows(scaling), List.of(s)), ScalingChart.WIDTH, ScalingChart.HEIGHT);
        List<String> texts = ChartsTest.svgTexts(svg);
        assertThat(texts).contains("repository-delete USL fit", "repository-delete spread");
        assertThat(texts).anyMatch(t -> t.startsWith("N* 13."));
        Files.createDirectories(Path.of("target/charts"));
        Files.writeString(Path.of("target/charts/scaling-usl-example.svg"), svg);
        String without = Charts.svg(ScalingChart.of("t", Scaling.rows(scaling)), ScalingChart.WIDTH, ScalingChart.HEIGHT);
        assertThat(ChartsTest.svgTexts(without)).doesNotContain("repository-delete USL fit");
    }

    private static List<MeasuredPoint> points(UslModel m) {
        List<MeasuredPoint> out = new ArrayList<>();
        for (int n : COUNTS) out.add(MeasuredPoint.of("d" + n, n, m.rate(n)));
        return out;
    }
}
