package io.pulpperf.throughput.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.usl.MeasuredStep;
import io.pulpperf.throughput.usl.Scalability;
import io.pulpperf.throughput.usl.UslFit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * repeat: k (issue 19) meets the USL fit (issue 22): 4 worker counts x 3 rounds. Every round is an
 * observation of the fit; a count's point is one scenario with its median and min-max spread,
 * not three scenarios; marginal gains and scaling efficiency come from the medians.
 */
class ScalabilityRoundsTest {
    private static final int[] COUNTS = {1, 2, 4, 8};
    // Chosen so medians (11, 20, 34, 40) and means (11.33, 19.67, 33, 42) differ at every count.
    private static final double[][] ROUNDS = {{10, 11, 13}, {18, 20, 21}, {30, 34, 35}, {36, 40, 50}};
    private static final double[] MEDIANS = {11, 20, 34, 40};

    /** The results as the matrix collects them: rounds interleaved (A B C D A B C D ...), each its own run id. */
    static List<ScenarioResult> rounds() {
        List<ScenarioResult> out = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < COUNTS.length; i++) {
                ScenarioResult r = RunFixture.of("scale-" + COUNTS[i] + "w", COUNTS[i], ROUNDS[i][round]).build();
                out.add(new ScenarioResult(r.scenario(), r.runId() + "-r" + (round + 1), r.workersOnline(), r.dispatch(),
                        r.metrics(), r.finished(), r.problems(), r.notes(), r.rawTasksCsv(), r.dispatchCsv(), r.target()));
            }
        }
        return out;
    }

    @Test
    void everyRoundIsFittedAndEachCountIsOneScenarioWithItsSpread() {
        List<Scalability> groups = ScalabilityGroups.of(rounds());
        assertThat(groups).hasSize(1);
        Scalability s = groups.get(0);
        assertThat(s.fit().observations()).as("4 counts x 3 rounds").isEqualTo(12);
        List<UslFit.Observation> all = new ArrayList<>();
        for (int i = 0; i < COUNTS.length; i++) for (double r : ROUNDS[i]) all.add(new UslFit.Observation(COUNTS[i], r));
        assertThat(s.fit().model().lambda()).isCloseTo(UslFit.fit(all).model().lambda(), within(1e-3));
        assertThat(s.steps()).extracting(MeasuredStep::workers).containsExactly(1, 2, 4, 8);
        for (int i = 0; i < COUNTS.length; i++) {
            MeasuredStep step = s.steps().get(i);
            assertThat(step.rate()).as("median at %d workers", COUNTS[i]).isCloseTo(MEDIANS[i], within(1e-3));
            assertThat(step.low()).isCloseTo(ROUNDS[i][0], within(1e-3));
            assertThat(step.high()).isCloseTo(ROUNDS[i][2], within(1e-3));
        }
        assertThat(s.steps()).extracting(MeasuredStep::marginalGain).usingComparatorForType((a, b) ->
                a == null || b == null ? (a == b ? 0 : 1) : Math.abs(a - b) < 1e-3 ? 0 : Double.compare(a, b), Double.class)
                .containsExactly(null, 9.0, 7.0, 1.5);  // (20-11)/1, (34-20)/2, (40-34)/4
        assertThat(s.bestMeasured().workers()).isEqualTo(8);
    }

    @Test
    void scalingEfficiencyIsBetweenMediansAndNamesEachBaseOnce() {
        List<ScenarioResult> results = rounds();
        List<ScalingRow> rows = Scaling.of(results);
        assertThat(rows).as("one row per run, as the results table lists them").hasSize(12);
        ScalingRow twoWorkers = rows.get(1);
        assertThat(twoWorkers.baseline()).as("TPS(1): median of the 1-worker rounds").isCloseTo(11, within(1e-3));
        assertThat(twoWorkers.throughput()).isCloseTo(20, within(1e-3));
        assertThat(twoWorkers.efficiency()).isCloseTo(20 / (2 * 11.0), within(1e-4));
        assertThat(twoWorkers.baseScenarios()).containsExactly("scale-1w");
        assertThat(twoWorkers.observation()).startsWith("scaling 90.9% vs scale-1w");
        assertThat(rows.get(5)).as("every round of a scenario has its scenario's scaling").isEqualTo(twoWorkers);
    }

    @Test
    void resultsJsonAndChartShowOnePointPerCountAtTheMedian() throws Exception {
        List<JudgedScenario> judged = rounds().stream().map(r -> new JudgedScenario(r, List.of())).toList();
        MatrixReport m = MatrixReport.of(Map.of("date", "d", "target", "t"), judged, Map.of());
        JsonNode points = new ObjectMapper().readTree(m.json()).get("scalability").get(0).get("points");
        assertThat(points).hasSize(4);
        assertThat(points.get(3).get("rate").asDouble()).isCloseTo(40, within(1e-3));
        assertThat(points.get(3).get("low").asDouble()).isCloseTo(36, within(1e-3));
        assertThat(points.get(3).get("high").asDouble()).isCloseTo(50, within(1e-3));
        assertThat(points.get(3).get("marginalGain").asDouble()).isCloseTo(1.5, within(1e-3));
        assertThat(m.scalingCsv().lines()).as("header + one line per scenario").hasSize(5);
        List<String> labels = ChartsTest.svgTexts(m.scalingSvg());
        assertThat(labels).as("the median is the point; the rounds are the spread bar").contains("11.0 /s", "40.0 /s")
                .doesNotContain("10.0 /s", "13.0 /s", "50.0 /s").contains("repository-delete spread");
    }
}
