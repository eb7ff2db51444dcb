package io.pulpperf.throughput.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.observe.HoldPeaks;
import io.pulpperf.throughput.observe.ResourcePeak;
import io.pulpperf.throughput.observe.ScenarioWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The DB sampler's figures per hold come from the samples taken inside it only. Stub samples: a real
 * database cannot be made to show a chosen session count at a chosen second.
 */
@DisplayName("DB sampler per hold: only the hold's samples, sessions as a share of all")
class DbHoldPeaksTest {
    private static final Instant T0 = Instant.parse("2026-12-05T00:00:00Z");

    @Test
    void eachHoldGetsThePeaksOfItsOwnSamples() {
        List<DbSample> samples = List.of(sample(1, 2, 10, 0), sample(4, 3, 10, 0),  // hold 1: 3 of 10 active
                sample(7, 18, 20, 4), sample(9, 9, 20, 1),                          // hold 2: 18 of 20 active, 4 waiting
                sample(12, 20, 20, 10));                                            // after both: never counted
        ScenarioWindow.Hold first = new ScenarioWindow.Hold("10 workers", T0, T0.plusSeconds(5));
        ScenarioWindow.Hold second = new ScenarioWindow.Hold("20 workers", T0.plusSeconds(6), T0.plusSeconds(10));
        List<HoldPeaks> holds = DbHoldPeaks.of(samples, List.of(first, second));

        assertThat(holds.get(0).peaks()).extracting(ResourcePeak::shown).containsExactly("DB active sessions peak 3 of 10");
        assertThat(holds.get(1).peaks()).extracting(ResourcePeak::shown)
                .containsExactly("DB active sessions peak 18 of 20", "DB sessions waiting on locks peak 4 of 20");
        assertThat(holds.get(1).peaks().get(0).score()).isEqualTo(0.9);
    }

    @Test
    void aHoldWithoutSamplesHasNoPeaksRatherThanTheRunsOthers() {
        List<HoldPeaks> holds = DbHoldPeaks.of(List.of(sample(20, 9, 10, 3)),
                List.of(new ScenarioWindow.Hold("5 workers", T0, T0.plusSeconds(5))));
        assertThat(holds).singleElement().satisfies(h -> assertThat(h.peaks()).isEmpty());
    }

    private static DbSample sample(int second, int active, int connections, int waiting) {
        List<LockWait> waits = new ArrayList<>();
        for (int i = 0; i < waiting; i++) waits.add(new LockWait(100 + i, "Lock", "transactionid", "ShareLock", null, List.of(1), 1.0, "UPDATE x"));
        return new DbSample(T0.plusSeconds(second), Map.of(DbSample.ACTIVE, active, DbSample.IDLE, connections - active), Map.of(), waits,
                null, null, null, true, 1.0);
    }
}
