package io.pulpperf.throughput.report;

import io.pulpperf.throughput.observe.Check;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.history.HistoryChecks;
import io.pulpperf.throughput.history.HistoryFile;
import io.pulpperf.throughput.history.HistoryRecord;
import io.pulpperf.throughput.history.HistorySettings;
import io.pulpperf.throughput.history.HistoryTable;
import io.pulpperf.throughput.history.NightlyHistory;
import io.pulpperf.throughput.history.Rounds;
import io.pulpperf.throughput.history.RoundsNote;
import io.pulpperf.throughput.history.SeriesJudgement;
import io.pulpperf.throughput.history.Spread;
import io.pulpperf.throughput.run.ScenarioResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's memory as the main job uses it: nights in a file, their judgement as checks, the chart and the tables. */
class HistoryReportTest {
    @TempDir
    Path dir;

    private NightlyHistory night(Path file, Map<String, String> more) {
        Map<String, String> props = new java.util.HashMap<>(more);
        props.put(HistorySettings.PATH_PROPERTY, file.toString());
        return NightlyHistory.load(null, props, null).orElseThrow();
    }

    /** One night of one scenario at this throughput, appended; its judgement returned. */
    private SeriesJudgement run(Path file, RunFixture fixture) throws Exception {
        NightlyHistory h = night(file, Map.of());
        SeriesJudgement j = h.judge(fixture.build(), null, false);
        h.append();
        return j;
    }

    @Test
    void theTrendAxisSpansTheToleranceBandSoAFlatOrQuietSeriesLooksFlat() throws Exception {
        Path file = dir.resolve("flat.jsonl");
        SeriesJudgement last = null;
        for (int i = 0; i < 4; i++) last = run(file, RunFixture.of("a", 2, 25.0));
        var chart = TrendChart.of("a", last);
        var throughput = (org.jfree.chart.plot.XYPlot) ((org.jfree.chart.plot.CombinedDomainXYPlot) chart.getXYPlot()).getSubplots().get(0);
        org.jfree.data.Range y = throughput.getRangeAxis().getRange();
        // Reference 25 +- 10%: the band 22.5..27.5 and a margin, not a range around 25 alone.
        assertThat(y.getLowerBound()).isLessThanOrEqualTo(22.5).isGreaterThan(20);
        assertThat(y.getUpperBound()).isGreaterThanOrEqualTo(27.5).isLessThan(30);
    }

    @Test
    void nightsAreJudgedFromTheThirdAndASlowLevelFailsEveryNight() throws Exception {
        Path file = dir.resolve("h.jsonl");
        double[] tps = {100, 101, 99, 100.5, 99.5, 100, 101, 99, 100, 100.5, 70, 69.5, 70.5, 70, 69};
        SeriesJudgement last = null;
        for (int i = 0; i < tps.length; i++) {
            last = run(file, RunFixture.of("a", 2, tps[i]));
            // Judged from the third night: two earlier runs and the noise they show.
            if (i < 2) assertThat(last.verdict()).isEqualTo("not judged");
            if (i == 2) assertThat(last.verdict()).isEqualTo("no change");
            if (i == 10) {
                assertThat(last.verdict()).isEqualTo("regression");
                List<Check> checks = HistoryChecks.of(last);
                Check failed = checks.stream().filter(Check::failed).findFirst().orElseThrow();
                assertThat(failed.message()).startsWith("regression: throughput vs history: expected within 10% of the reference median 100.00")
                        .contains("tonight 70.00, change -30.0%, p = ");
                assertThat(HistoryTable.markdown(Map.of("a", last))).contains("| a | throughput | 100.00 | 70.00 | -30.0% |").contains("**regression**");
                assertThat(HistoryHtml.of(Map.of("a", last))).contains(">regression</td>").contains(">-30.0%</td>");
            }
        }
        assertThat(HistoryFile.read(file).records()).hasSize(tps.length);
        // The drop is a change point with 4 nights after it, and unaccepted it still fails on the 15th night.
        assertThat(last.verdict()).isEqualTo("regression");
        assertThat(last.gate().lasting().describe("throughput")).startsWith("regression since run #11");
        assertThat(last.changePoints()).extracting(SeriesJudgement.ChangePointAt::figure, SeriesJudgement.ChangePointAt::index)
                .contains(org.assertj.core.groups.Tuple.tuple("throughput", 10));
        String svg = Charts.svg(TrendChart.of("a", last), TrendChart.WIDTH, TrendChart.height(last));
        assertThat(svg).contains("Trend of a").contains("change point").contains("reference 100.00 +- 10%");
        String csv = TrendChart.csv(last);
        assertThat(csv.lines()).hasSize(tps.length + 1);
        assertThat(csv.lines().skip(11).findFirst().orElseThrow()).contains(",false,regression,throughput");
        assertThat(csv.lines().reduce((a, b) -> b).orElseThrow()).contains(",true,regression,");
        assertThat(HistoryTable.forResults(last)).containsKeys("verdict", "series", "runs", "figures", "changePoints");
    }

    @Test
    void aChangedParameterStartsANewSeriesAndSaysSo() throws Exception {
        Path file = dir.resolve("h.jsonl");
        for (int i = 0; i < 3; i++) run(file, RunFixture.of("a", 2, 100));
        SeriesJudgement other = run(file, RunFixture.of("a", 4, 100));
        assertThat(other.verdict()).isEqualTo("not judged");
        assertThat(other.runs()).isZero();
        assertThat(other.note()).contains("workers 2 -> 4").endsWith("a new series starts");
        assertThat(HistoryTable.observation(other)).contains("a new series starts");
    }

    @Test
    void aFailedRunIsRecordedButNeverAReference() throws Exception {
        Path file = dir.resolve("h.jsonl");
        for (int i = 0; i < 3; i++) {
            NightlyHistory h = night(file, Map.of());
            h.judge(RunFixture.of("a", 2, 100).incomplete("timed out").build(), null, true);
            h.append();
        }
        assertThat(HistoryFile.read(file).records()).extracting(HistoryRecord::status).containsOnly("failed");
        assertThat(run(file, RunFixture.of("a", 2, 100)).verdict()).isEqualTo("not judged");
    }

    @Test
    void appendFalseLeavesTheFileAsItWas() throws Exception {
        Path file = dir.resolve("h.jsonl");
        run(file, RunFixture.of("a", 2, 100));
        String before = Files.readString(file);
        NightlyHistory h = night(file, Map.of("pulp.history.append", "false"));
        h.judge(RunFixture.of("a", 2, 100).build(), null, false);
        assertThat(h.append()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void roundsAreJudgedByTheirMedian() {
        Thresholds t = new Thresholds(30, 0.99, 0);
        List<ScenarioResult> results = List.of(RunFixture.of("a", 2, 10).thresholds(t).build(),
                RunFixture.of("a", 2, 40).thresholds(t).build(), RunFixture.of("a", 2, 45).thresholds(t).build());
        List<Check> first = MedianThresholds.roundChecks(io.pulpperf.throughput.report.ScenarioChecks.of(results.get(0)), 1, 3);
        assertThat(first).noneMatch(Check::failed);
        Rounds rounds = new Rounds();
        results.forEach(r -> rounds.add("a", r, null));
        Map<String, Spread> spreads = Rounds.spreads(rounds.of("a"));
        List<Check> median = MedianThresholds.of(t, spreads, false);
        assertThat(median).noneMatch(Check::failed);
        assertThat(median.get(0).actual()).isEqualTo("40.00 (10.00-45.00, 3 runs)");
        assertThat(RoundsNote.of(spreads)).startsWith("3 rounds, median (min-max): tasks/s 40.00 (10.00-45.00, 3 runs)");
        List<Check> slow = MedianThresholds.of(new Thresholds(41, 0.99, 0), spreads, false);
        assertThat(slow.get(0).failed()).isTrue();
    }

    @Test
    void resultsJsonCarriesEachScenariosSections() throws Exception {
        JudgedScenario j = new JudgedScenario(RunFixture.of("a", 2, 10).build(), List.of());
        String json = ResultsJson.json(Map.of(), List.of(j), Map.of(),
                Map.of(j.result().runId(), Map.of("rounds", Map.of("n", 3), "history", Map.of("verdict", "no change"))));
        assertThat(json).contains("\"rounds\" : {").contains("\"n\" : 3").contains("\"verdict\" : \"no change\"");
        assertThat(ResultsJson.json(Map.of(), List.of(j), Map.of())).doesNotContain("\"rounds\"").doesNotContain("\"history\"");
    }
}
