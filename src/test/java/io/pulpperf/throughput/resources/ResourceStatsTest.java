package io.pulpperf.throughput.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.report.Baseline;
import io.pulpperf.throughput.report.BaselineComparison;
import io.pulpperf.throughput.observe.Check;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Peak, mean, p95 over the tasks' window; the range query's step; the Observations line; resource peaks against a baseline. */
class ResourceStatsTest {
    private static ResourceSeries series(String name, ResourceUnit unit, long[] t, double[] v) {
        return new ResourceSeries(name, name, unit, ResourceRole.guess(name), null, Map.of(), t, v);
    }

    @Test
    void figuresComeFromTheWindowOnlyAndSkipNaN() {
        long[] t = new long[22];
        double[] v = new double[22];
        for (int i = 0; i < 22; i++) {
            t[i] = 1000L * i;
            v[i] = i;  // 0..21
        }
        v[5] = Double.NaN;
        // window 1 s .. 20 s: values 1..20 without 5 (19 values)
        ResourceStats s = ResourceStats.of(series("worker CPU", ResourceUnit.CORES, t, v), 1000, 20_000);
        assertThat(s.samples()).isEqualTo(19);
        assertThat(s.peak()).isEqualTo(20);
        assertThat(s.mean()).isEqualTo((210.0 - 5) / 19);
        assertThat(s.p95()).as("nearest rank: ceil(0.95 x 19) = 19th of 19").isEqualTo(20);
        assertThat(s.role()).isEqualTo(ResourceRole.WORKER);
        ResourceStats outside = ResourceStats.of(series("x", ResourceUnit.COUNT, t, v), 50_000, 60_000);
        assertThat(outside.windowed()).as("no sample in the window: the whole range, marked").isFalse();
        assertThat(outside.samples()).isEqualTo(21);
    }

    @Test
    void stepKeepsEverySeriesUnderAThousandPointsAndNeverBelowTheScrapeInterval() {
        Instant from = Instant.parse("2026-11-30T10:00:00Z");
        assertThat(PromReader.step(from, from.plusSeconds(60), Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        Duration step = PromReader.step(from, from.plus(Duration.ofHours(5)), Duration.ofSeconds(1));
        assertThat(Duration.ofHours(5).toMillis() / step.toMillis() + 1).isLessThanOrEqualTo(1000);
        assertThat(PromReader.step(from, from.plusSeconds(60), Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void observationLineLeadsWithCpuThenMemoryAndReadsInUnits() {
        long[] t = {0, 1000};
        ResourceReport r = new ResourceReport(Instant.EPOCH, Instant.EPOCH, Duration.ofSeconds(1), List.of(), List.of(
                ResourceStats.of(series("DB connections", ResourceUnit.COUNT, t, new double[] {3, 42}), 0, 1000),
                ResourceStats.of(series("worker memory", ResourceUnit.BYTES, t, new double[] {1e9, 2.1 * 1024 * 1024 * 1024}), 0, 1000),
                ResourceStats.of(series("DB CPU", ResourceUnit.PERCENT, t, new double[] {50, 97}), 0, 1000),
                ResourceStats.of(series("API CPU", ResourceUnit.CORES, t, new double[] {1, 1.8}), 0, 1000)),
                List.of(), List.of(), 4, Duration.ofMillis(30));
        assertThat(ResourceFigures.line(r)).isEqualTo("Resources: DB CPU peak 97%, API CPU peak 1.80 cores, worker memory peak 2.1 GiB, "
                + "DB connections peak 42");
    }

    @Test
    void observationLineShowsCpuAndMemoryOfEveryRoleThenTheFirstLoadSeriesThatSawAnything() {
        long[] t = {0, 1000};
        List<ResourceStats> stats = new java.util.ArrayList<>();
        for (String load : List.of("DB transactions/s", "DB connections", "DB idle in transaction", "DB locks", "DB deadlocks", "DB waits")) {
            double peak = load.equals("DB idle in transaction") || load.equals("DB deadlocks") ? 0 : 5;
            stats.add(ResourceStats.of(series(load, ResourceUnit.COUNT, t, new double[] {0, peak}), 0, 1000));
        }
        stats.add(ResourceStats.of(series("suite CPU", ResourceUnit.CORES, t, new double[] {1, 1.8}), 0, 1000));
        stats.add(ResourceStats.of(series("suite memory", ResourceUnit.BYTES, t, new double[] {1e6, 2e6}), 0, 1000));
        ResourceReport r = new ResourceReport(Instant.EPOCH, Instant.EPOCH, Duration.ofSeconds(1), List.of(), stats,
                List.of(), List.of(), 4, Duration.ofMillis(30));
        assertThat(ResourceFigures.line(r)).isEqualTo("Resources: suite CPU peak 1.80 cores, suite memory peak 1.9 MiB, "
                + "DB transactions/s peak 5, DB connections peak 5, DB locks peak 5, +3 more series");
    }

    @Test
    void chartHasOnePanelPerRoleAndUnitOnTheTaskTimelinesAxis() {
        long[] t = {1_000_000, 1_001_000, 1_002_000};
        List<ResourceSeries> series = List.of(
                series("API CPU", ResourceUnit.CORES, t, new double[] {1, 2, 1}),
                series("worker CPU", ResourceUnit.CORES, t, new double[] {1, 2, 1}),
                series("worker memory", ResourceUnit.BYTES, t, new double[] {1e9, 2e9, 1e9}),
                series("DB CPU", ResourceUnit.PERCENT, t, new double[] {50, 97, 40}));
        var plot = (org.jfree.chart.plot.CombinedDomainXYPlot) ResourceChart.chart("s", series, Instant.ofEpochMilli(999_000)).getPlot();
        assertThat(plot.getSubplots()).extracting(p -> p.getRangeAxis().getLabel())
                .containsExactly("api (cores)", "worker (cores)", "worker (MiB)", "database (percent)");
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("seconds from the first task created");
        var memory = plot.getSubplots().get(2).getDataset();
        assertThat(memory.getXValue(0, 0)).as("1 s after the zero instant").isEqualTo(1.0);
        assertThat(memory.getYValue(0, 1)).as("bytes drawn in MiB").isCloseTo(2e9 / 1048576, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ResourceChart.svg("s", series, Instant.ofEpochMilli(999_000))).startsWith("<?xml").contains("API CPU", "DB CPU");
    }

    @Test
    void resourcePeaksRegressWhenTheyRoseBeyondTheTolerance() {
        Baseline b = new Baseline(Path.of("old.json"), 0.10, Map.of("s", new Baseline.Figures(10.0, 1000L,
                Map.of("API CPU", 1.0, "DB CPU", 50.0, "idle", 0.0), null)));
        List<Check> checks = BaselineComparison.compareResources("s", Map.of("API CPU", 1.05, "DB CPU", 60.0, "idle", 3.0, "new", 1.0), b);
        assertThat(checks).extracting(Check::figure).containsExactlyInAnyOrder("API CPU peak vs baseline", "DB CPU peak vs baseline");
        Check db = checks.stream().filter(c -> c.figure().startsWith("DB")).findFirst().orElseThrow();
        assertThat(db.failed()).isTrue();
        assertThat(db.message()).isEqualTo("regression: DB CPU peak vs baseline: expected at most 55.000 (baseline 50.000 + 10%) but was 60.000 "
                + "(change +20.0%)");
        assertThat(checks.stream().filter(c -> c.figure().startsWith("API")).findFirst().orElseThrow().failed()).isFalse();
    }
}
