package io.pulpperf.throughput.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.observe.HoldPeaks;
import io.pulpperf.throughput.observe.ResourcePeak;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which Prometheus series is the bottleneck: scored by its peak against its limit (ResourcePeak's rule), from stub figures. */
@DisplayName("Resource peaks: scored against their limit, the highest named")
class ResourcePeaksTest {
    @Test
    void coresCountAsTheShareOfOneCorePercentAsTheShareOfAHundred() {
        List<ResourcePeak> peaks = ResourcePeaks.of(report(
                stats("API CPU", ResourceRole.API, ResourceUnit.CORES, 0.6, null),
                stats("DB CPU", ResourceRole.DATABASE, ResourceUnit.CORES, 1.9, null),
                stats("worker CPU", ResourceRole.WORKER, ResourceUnit.PERCENT, 97, null),
                stats("worker memory", ResourceRole.WORKER, ResourceUnit.BYTES, 5.2e9, null),
                stats("DB transactions/s", ResourceRole.DATABASE, ResourceUnit.COUNT, 1200, null)));
        // Memory and transactions/s have no limit to be measured against: not candidates.
        assertThat(peaks).extracting(ResourcePeak::resource).containsExactly("API CPU", "DB CPU", "worker CPU");
        assertThat(peaks).extracting(ResourcePeak::score).containsExactly(0.6, 1.9, 0.97);
        assertThat(HoldPeaks.highest(peaks)).map(ResourcePeak::shown).contains("DB CPU peak 1.90 cores");
    }

    @Test
    void aSeriesWithAMaxIsScoredAgainstItAndCanBeatCpu() {
        List<ResourcePeak> peaks = ResourcePeaks.of(report(
                stats("DB CPU", ResourceRole.DATABASE, ResourceUnit.CORES, 0.9, null),
                stats("DB connections", ResourceRole.DATABASE, ResourceUnit.COUNT, 95, 100.0)));
        assertThat(HoldPeaks.highest(peaks)).map(ResourcePeak::shown).contains("DB connections peak 95 (max 100)");
        assertThat(peaks).filteredOn(p -> p.resource().equals("DB connections")).extracting(ResourcePeak::score).containsExactly(0.95);
    }

    @Test
    void aSeriesWithoutSamplesInTheHoldIsNoCandidate() {
        ResourceStats none = new ResourceStats("DB CPU", ResourceRole.DATABASE, ResourceUnit.CORES, Double.NaN, Double.NaN, Double.NaN, 0,
                false, null);
        ResourceStats outside = new ResourceStats("API CPU", ResourceRole.API, ResourceUnit.CORES, 3.0, 3.0, 3.0, 4, false, null);
        assertThat(ResourcePeaks.of(report(none, outside))).isEmpty();
        assertThat(HoldPeaks.highest(List.of())).isEmpty();
    }

    private static ResourceStats stats(String name, ResourceRole role, ResourceUnit unit, double peak, Double max) {
        return new ResourceStats(name, role, unit, peak, peak / 2, peak, 10, true, max);
    }

    private static ResourceReport report(ResourceStats... stats) {
        Instant t = Instant.parse("2026-12-05T00:00:00Z");
        return new ResourceReport(t, t.plusSeconds(60), Duration.ofSeconds(1), List.of(), List.of(stats), List.of(), List.of(), 1,
                Duration.ZERO);
    }
}
