package io.pulpperf.throughput.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.observe.ResourcePeak;
import io.pulpperf.throughput.resources.ResourcePeaks;
import io.pulpperf.throughput.resources.ResourceReport;
import io.pulpperf.throughput.resources.ResourceRole;
import io.pulpperf.throughput.resources.ResourceStats;
import io.pulpperf.throughput.resources.ResourceUnit;
import io.pulpperf.throughput.resources.SeriesGap;
import io.pulpperf.throughput.run.FleetCount;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 27: a fleet count names a bottleneck only when a resource's score reaches the bar; an idle
 * fleet says "none near its limit" with the highest; a partial peak says how much of the hold it
 * rests on and why; a hold whose series had no sample says so instead of naming another.
 */
@DisplayName("Fleet bottleneck wording: named only near its limit, with the hold's coverage")
class FleetBottleneckWordingTest {
    private static final String DOWN = "target 127.0.0.1:9256 (job proc) down from +14.0 s to +25.0 s; its scrapes took up to 1.00 s "
            + "(scrape timeout 1 s: scrapes ran into it)";

    @Test
    void anIdleFleetNamesNoBottleneckAndSaysWhatCameHighest() {
        // The 40-worker hold of the issue: pulp-api CPU peaked at 0.08 cores, nothing near a limit.
        FleetCount idle = count(List.of(cpu("pulp-api CPU", 0.08), cpu("postgres CPU", 0.03),
                new ResourcePeak("DB active sessions", 2, "sessions", 2 / 25.0, "DB active sessions peak 2 of 25")));
        assertThat(FleetTable.resource(idle, 0.8)).isEqualTo("none near its limit (highest: pulp-api CPU 0.08 of 1 core)");
        // The bar is the scenario's: at 0.05 the same peak is named.
        assertThat(FleetTable.resource(idle, 0.05)).isEqualTo("bottleneck: pulp-api CPU peak 0.08 cores");
    }

    @Test
    void aResourcePushedToItsLimitIsNamed() {
        FleetCount pushed = count(List.of(cpu("pulp-api CPU", 0.2), cpu("worker CPU", 0.97),
                new ResourcePeak("DB active sessions", 24, "sessions", 24 / 25.0, "DB active sessions peak 24 of 25")));
        assertThat(FleetTable.resource(pushed, 0.8)).isEqualTo("bottleneck: worker CPU peak 0.97 cores");
        assertThat(FleetTable.resource(pushed, 0.98)).isEqualTo("none near its limit (highest: worker CPU 0.97 of 1 core)");
        assertThat(FleetTable.bottleneck(pushed, 0.8)).startsWith("bottleneck: worker CPU peak 0.97 cores; heartbeat p95 1.0 s");
    }

    @Test
    void aPartialPeakSaysHowMuchOfTheHoldItRestsOnAndWhy() {
        ResourceStats api = new ResourceStats("pulp-api CPU", ResourceRole.API, ResourceUnit.CORES, 0.08, 0.05, 0.07, 19, true, null, 0.63,
                List.of(new SeriesGap(14.0, 25.0)));
        List<ResourcePeak> peaks = ResourcePeaks.of(report(List.of(api), Map.of("pulp-api CPU", DOWN)));
        assertThat(FleetTable.resource(count(peaks), 0.8))
                .isEqualTo("none near its limit (highest: pulp-api CPU 0.08 of 1 core, partial: 63% of this hold; " + DOWN + ")");
        // Without the target's health read, the gap's own times.
        List<ResourcePeak> noCause = ResourcePeaks.of(report(List.of(api), Map.of()));
        assertThat(FleetTable.resource(count(noCause), 0.8)).contains("partial: 63% of this hold; no samples from +14.0 s to +25.0 s of the span");
    }

    @Test
    void aHoldWhoseSeriesHadNoSampleSaysSoInsteadOfNamingAnother() {
        ResourceStats apiMissing = new ResourceStats("pulp-api CPU", ResourceRole.API, ResourceUnit.CORES, Double.NaN, Double.NaN, Double.NaN,
                0, false, null, 0.0, List.of(new SeriesGap(0.0, 30.0)));
        ResourceStats workerMissing = new ResourceStats("worker CPU", ResourceRole.WORKER, ResourceUnit.CORES, Double.NaN, Double.NaN, Double.NaN,
                0, false, null, 0.0, List.of(new SeriesGap(0.0, 30.0)));
        List<ResourcePeak> peaks = ResourcePeaks.of(report(List.of(apiMissing, workerMissing), Map.of("pulp-api CPU", DOWN, "worker CPU", DOWN)));
        // results.json: null, not NaN, where the hold had no sample.
        var json = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(peaks.get(0));
        assertThat(json.path("peak").isNull()).isTrue();
        assertThat(json.path("score").isNull()).isTrue();
        assertThat(json.path("coverage").asDouble()).isZero();
        assertThat(json.path("gaps").asText()).isEqualTo(DOWN);
        assertThat(FleetTable.resource(count(peaks), 0.8))
                .isEqualTo("no bottleneck named: no sample in this hold: pulp-api CPU, worker CPU (" + DOWN + ")");
        // With the database sampler's figure beside it, that one is shown, and the missing ones are still said.
        List<ResourcePeak> withDb = new java.util.ArrayList<>(peaks);
        withDb.add(new ResourcePeak("DB active sessions", 3, "sessions", 3 / 25.0, "DB active sessions peak 3 of 25"));
        assertThat(FleetTable.resource(count(withDb), 0.8)).isEqualTo("none near its limit (highest: DB active sessions 3 of 25 sessions); "
                + "no sample in this hold: pulp-api CPU, worker CPU (" + DOWN + ")");
    }

    private static ResourceReport report(List<ResourceStats> stats, Map<String, String> causes) {
        Instant t = Instant.parse("2026-12-07T03:00:00Z");
        return new ResourceReport(t, t.plusSeconds(30), Duration.ofSeconds(1), List.of(), stats, List.of(), List.of(), 1, Duration.ZERO, causes);
    }

    private static ResourcePeak cpu(String name, double cores) {
        return new ResourcePeak(name, cores, "cores", cores, name + " peak " + cores + " cores");
    }

    private static FleetCount count(List<ResourcePeak> peaks) {
        Instant t = Instant.parse("2026-12-07T03:00:00Z");
        return new FleetCount(40, 40, 40, 40, 500L, 1000L, 1500L, 0, 0, 2.0, List.of(), 10, t, t.plusSeconds(30), peaks);
    }
}
