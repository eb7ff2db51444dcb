package io.pulpperf.throughput.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.measure.RunAnalyzer;
import io.pulpperf.throughput.measure.RunMetrics;
import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.pulp.PulpTask;
import io.pulpperf.throughput.run.DispatchSummary;
import io.pulpperf.throughput.run.DisruptionResult;
import io.pulpperf.throughput.run.ScenarioResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a disruption reads (issue 28): its Observations sentence, its checks, its marks on the timeline chart. */
class DisruptionReportTest {
    private static final long T0 = 1_800_000_000_000_000L;

    private static DisruptionResult failover(boolean recovered) {
        return new DisruptionResult("db-failover", "+20 s", 20.0, "psql -c 'select pg_terminate_backend(pid) ...'", 0, "", null,
                7.8, 0.0, 7.6, recovered, recovered ? 41.0 : null, recovered ? null : "did not recover within the scenario", 2,
                Map.of("Worker has gone missing.", 2L), 1, 486.0, "/pulp/api/v3/tasks/x/",
                List.of(new DisruptionResult.WorkerLeft("1@pulp-worker-a", 21.0, false)), 1, 14, 10, 0.3);
    }

    @Test
    void oneSentenceSaysWhatItCostAndHowLongItTookToRecover() {
        assertThat(DisruptionReport.sentence(failover(true))).isEqualTo("db-failover at +20.0 s: throughput 7.8 -> 0 -> 7.6 tasks/s, "
                + "recovered in 41 s; 2 tasks failed (Worker has gone missing.), 1 task waited 8.1 min unblocked with workers idle, "
                + "1 worker left the online set (0 came back, 1 new joined), 14 dispatch errors");
        assertThat(DisruptionReport.sentence(failover(false))).contains("7.8 -> 0 -> 7.6 tasks/s, did not recover within the scenario;");
        DisruptionResult notRun = new DisruptionResult("late", "+90 s", null, "true", null, "", "did not run: the run ended before +90 s",
                null, null, null, false, null, "not measured", 0, Map.of(), 0, null, null, List.of(), 0, 0, 10, 0.3);
        assertThat(DisruptionReport.sentence(notRun)).isEqualTo("late (+90 s): did not run: the run ended before +90 s");
    }

    @Test
    void recoveryAndFailuresAreJudgedAgainstTheirThresholds() {
        Thresholds t = new Thresholds(0, 0, 0, null, null, null, null, 30.0, 2);
        List<Check> slow = DisruptionReport.checks(result(t, failover(true)));
        assertThat(slow).extracting(Check::figure).containsExactly("recovery from db-failover", "tasks failed by db-failover");
        assertThat(slow.get(0).failed()).isTrue();
        assertThat(slow.get(0).message()).startsWith("threshold: recovery from db-failover: expected at most 30 s but was 41 s");
        assertThat(slow.get(1).failed()).isFalse();
        assertThat(DisruptionReport.checks(result(t, failover(false))).get(0).actual()).isEqualTo("not recovered");
        assertThat(DisruptionReport.checks(result(new Thresholds(0, 0, 0), failover(true)))).isEmpty();
    }

    @Test
    void theTimelineMarksTheDisruptionAndItsBands() throws Exception {
        RunMetrics m = metrics();
        var chart = TimelineChart.of("db-failover", m, List.of(failover(true)), List.of());
        List<String> texts = ChartsTest.svgTexts(Charts.svg(chart, TimelineChart.WIDTH, TimelineChart.HEIGHT));
        assertThat(texts).contains("db-failover", "recovered +41 s");
        // For a reader to look at (the report of this change describes it).
        Path png = Path.of("target", "disruption-chart.png");
        Files.createDirectories(png.getParent());
        Files.write(png, Charts.png(chart, TimelineChart.WIDTH, TimelineChart.HEIGHT));
        assertThat(Files.size(png)).isPositive();
    }

    @Test
    void theScenarioInResultsJsonLeavesTheCommandAsWrittenOut() throws Exception {
        io.pulpperf.throughput.config.Disruption d = new io.pulpperf.throughput.config.Disruption("cut", Duration.ofSeconds(5), null,
                "PGPASSWORD=hunter22 psql -c 'select 1'", Duration.ofSeconds(5), Duration.ofSeconds(2), 0.3);
        Scenario s = Scenario.of("a", Workload.REPOSITORY_DELETE, 2, 10, 1, Duration.ofMinutes(1), new Thresholds(0, 0, 0))
                .withDisruptions(List.of(d));
        ScenarioResult r = new ScenarioResult(s, "run", 2, DispatchSummary.of(List.of()), metrics(), true, List.of(), List.of(),
                Path.of("t.csv"), Path.of("d.csv"), "sim", null, null, null, List.of(failover(true)));
        String json = ResultsJson.json(Map.of(), List.of(new JudgedScenario(r, ScenarioChecks.of(r))));
        assertThat(json).doesNotContain("hunter22").contains("\"disruptions\"").contains("\"recoverySeconds\" : 41.0");
    }

    @Test
    void theResourceChartMarksTheDisruptionToo() throws Exception {
        java.time.Instant zero = java.time.Instant.ofEpochSecond(1_800_000_000L);
        long[] t = {zero.toEpochMilli(), zero.toEpochMilli() + 15_000, zero.toEpochMilli() + 30_000};
        var cpu = new io.pulpperf.throughput.resources.ResourceSeries("DB CPU", "q", io.pulpperf.throughput.resources.ResourceUnit.PERCENT,
                io.pulpperf.throughput.resources.ResourceRole.DATABASE, null, Map.of(), t, new double[] {20, 90, 30});
        String svg = io.pulpperf.throughput.resources.ResourceChart.svg("r", List.of(cpu), zero,
                List.of(new io.pulpperf.throughput.observe.ScenarioWindow.Mark("db-failover", zero.plusSeconds(20))));
        assertThat(svg).contains(">db-failover<");
    }

    /** 8 tasks/s for 120 s; nothing finishes from 20 s to 30 s, the queue drains until 61 s. */
    private static RunMetrics metrics() {
        RunAnalyzer a = new RunAnalyzer();
        List<String> hrefs = new ArrayList<>();
        long free = 0;
        for (int i = 0; i < 960; i++) {
            long c = T0 + i * 125_000L;
            long start = Math.max(c, free);
            if (start >= T0 + 20_000_000L && start < T0 + 30_000_000L) start = T0 + 30_000_000L;
            long end = start + 100_000;
            if (start >= T0 + 30_000_000L && start < T0 + 61_000_000L) end = start + 90_000;  // catching up
            free = end;
            String href = "/pulp/api/v3/tasks/" + i + "/";
            hrefs.add(href);
            a.accept(new PulpTask(href, "x", "completed", "cid", c, c, start, end, null));
        }
        return a.result(hrefs);
    }

    private static ScenarioResult result(Thresholds t, DisruptionResult d) {
        Scenario s = Scenario.of("db-failover", Workload.REPOSITORY_DELETE, 2, 10, 1, Duration.ofMinutes(1), t);
        return new ScenarioResult(s, "run", 2, DispatchSummary.of(List.of()), metrics(), true, List.of(), List.of(),
                Path.of("t.csv"), Path.of("d.csv"), "sim", null, null, null, List.of(d));
    }
}
