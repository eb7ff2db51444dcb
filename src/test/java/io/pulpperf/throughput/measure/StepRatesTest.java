package io.pulpperf.throughput.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.pulpperf.throughput.pulp.PulpTask;
import org.junit.jupiter.api.Test;

/** A step's rates and queue from timestamps worked out by hand: arrivals every 10 ms on W workers of known service time. */
class StepRatesTest {
    private static final long T0 = 1_800_000_000_000_000L;

    /** n arrivals every {@code gapMicros} onto {@code workers} FIFO workers of service time {@code serviceMicros}. */
    private static StepRates queue(int n, long gapMicros, int workers, long serviceMicros) {
        long[] arrivals = new long[n];
        for (int i = 0; i < n; i++) arrivals[i] = i * gapMicros;
        return queue(arrivals, workers, serviceMicros);
    }

    private static StepRates queue(long[] arrivals, int workers, long serviceMicros) {
        StepRates rates = new StepRates();
        long[] free = new long[workers];
        for (int i = 0; i < arrivals.length; i++) {
            long created = T0 + arrivals[i];
            int w = 0;
            for (int k = 1; k < workers; k++) if (free[k] < free[w]) w = k;
            long started = Math.max(created, free[w]);
            free[w] = started + serviceMicros;
            rates.accept(new PulpTask("/t/" + i + "/", "t", "completed", "cid", created, created, started, free[w], null));
        }
        return rates;
    }

    @Test
    void aStepBelowCapacityCompletesWhatItIsOfferedAndLeavesNoQueue() {
        StepRates.Figures f = queue(200, 10_000, 1, 8_000).figures();  // 100/s offered, capacity 125/s
        assertThat(f.busyRate()).as("no task ever waited").isNull();
        assertThat(f.offeredRate()).isCloseTo(100, withPercentage(0.01));
        assertThat(f.completionRate()).isCloseTo(100, withPercentage(0.01));
        assertThat(f.waitingAtStart()).isZero();
        assertThat(f.waitingAtEnd()).isZero();
        assertThat(f.queueGrowth()).isZero();
    }

    @Test
    void aSaturatedStepCompletesAtCapacityAndItsQueueGrowsByTheDifference() {
        StepRates.Figures f = queue(200, 10_000, 1, 20_000).figures();  // 100/s offered, capacity 50/s
        assertThat(f.offeredRate()).isCloseTo(100, withPercentage(0.01));
        assertThat(f.completionRate()).isCloseTo(50, withPercentage(0.01));
        assertThat(f.busyRate()).as("while tasks waited").isCloseTo(50, withPercentage(0.01));
        // the queue grows by offered - capacity; read late in the step it holds about half the tasks so far
        assertThat(f.queueGrowth()).isCloseTo(50, withPercentage(2));
        assertThat(f.waitingAtEnd()).isGreaterThan(60);
    }

    @Test
    void aBurstAfterAClientPauseIsNotTakenForGrowth() {
        // 100/s onto 125/s of capacity; the client pauses 200 ms at 1.6 s and sends the 20 late tasks at once:
        // the queue they form takes 0.8 s to drain, so it is still there when the step ends.
        long[] arrivals = new long[200];
        for (int i = 0; i < 200; i++) arrivals[i] = i >= 160 && i < 180 ? 1_800_000 : i * 10_000L;
        StepRates.Figures f = queue(arrivals, 1, 8_000).figures();
        assertThat(f.queueGrowth()).isZero();
        assertThat(f.completed()).isEqualTo(f.arrived());
        assertThat(f.completionRate()).isCloseTo(100, withPercentage(2));
    }

    @Test
    void workersFinishingInLockstepStillGiveTheirExactRate() {
        // 4 workers of 80 ms (50/s) offered 100/s: finishes come in bursts of 4, the slope is still 50/s within 1%
        StepRates.Figures f = queue(200, 10_000, 4, 80_000).figures();
        assertThat(f.completionRate()).isCloseTo(50, withPercentage(1));
        assertThat(f.busyRate()).isCloseTo(50, withPercentage(1));
    }

    @Test
    void tooFewTasksGiveNoRateRatherThanANumber() {
        StepRates one = new StepRates();
        one.accept(new PulpTask("/t/1/", "t", "waiting", "cid", T0, null, null, null, null));
        StepRates.Figures f = one.figures();
        assertThat(f.offeredRate()).isNull();
        assertThat(f.completionRate()).isNull();
        assertThat(f.queueGrowth()).isNull();
        assertThat(new StepRates().figures().tasks()).isZero();
    }
}
