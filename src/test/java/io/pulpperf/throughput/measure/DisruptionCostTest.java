package io.pulpperf.throughput.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pulpperf.throughput.pulp.PulpTask;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** DisruptionCost on synthetic task series whose answers are known by construction (issue 28). */
class DisruptionCostTest {
    private static final long S = 1_000_000;
    private static final DisruptionCost.OnlineWorkers TWO = new DisruptionCost.OnlineWorkers(new long[0], new int[0], 2);

    /** One task every {@code gap} micros from 0 to {@code end}, each running 10 ms; none finishes in [outFrom, outTo), they finish at outTo. */
    private static DisruptionTasks series(long gap, long end, long outFrom, long outTo) {
        DisruptionTasks t = new DisruptionTasks();
        int i = 0;
        for (long c = 0; c < end; c += gap) {
            long start = c;
            long finish = c + 10_000;
            if (finish >= outFrom && finish < outTo) finish = outTo;
            t.accept(task("t" + i++, "completed", c, c, start, finish, null));
        }
        return t;
    }

    private static PulpTask task(String id, String state, long created, Long unblocked, Long started, Long finished, String error) {
        return new PulpTask("/tasks/" + id + "/", "x", state, "cid", created, unblocked, started, finished, error);
    }

    @Test
    void anOutageOfTwoSecondsRecoversWhenTheRateIsBackAndHeld() {
        DisruptionTasks t = series(25_000, 20 * S, 5 * S, 7 * S);  // 40/s, nothing finishes from 5 s to 7 s
        DisruptionCost c = DisruptionCost.of(t, 5 * S, Long.MAX_VALUE, Duration.ofSeconds(2), 0.3, TWO);
        assertThat(c.before()).isCloseTo(40, within(0.5));
        assertThat(c.recovered()).isTrue();
        // The backlog all finishes at 7 s: that slice is far above; the rate is then 40/s again.
        assertThat(c.recoverySeconds()).isEqualTo(2.0);
        assertThat(c.during()).isZero();
        assertThat(c.after()).isGreaterThan(40);
        assertThat(c.failed()).isZero();
        assertThat(c.stuck()).isZero();
    }

    @Test
    void noDipRecoversAtOnce() {
        DisruptionTasks t = series(25_000, 20 * S, 0, 0);
        DisruptionCost c = DisruptionCost.of(t, 5 * S, Long.MAX_VALUE, Duration.ofSeconds(2), 0.3, TWO);
        assertThat(c.recoverySeconds()).isEqualTo(0.0);
        assertThat(c.during()).isCloseTo(40, within(0.5));
    }

    @Test
    void aCatchUpCannotAverageAnOutageAway() {
        // Outage 5-8 s at 10/s; the backlog then drains at 100/s: a window's mean would pass from 7 s on.
        DisruptionTasks t = new DisruptionTasks();
        int n = 0;
        for (long c = 0; c < 20 * S; c += 100_000) {
            long f = c + 10_000;
            if (f >= 5 * S && f < 8 * S) f = 8 * S + (n % 30) * 10_000;  // 30 queued tasks drain 10 ms apart from 8 s
            t.accept(task("t" + n++, "completed", c, c, c, f, null));
        }
        DisruptionCost c = DisruptionCost.of(t, 5 * S, Long.MAX_VALUE, Duration.ofSeconds(2), 0.3, TWO);
        assertThat(c.recoverySeconds()).isEqualTo(3.0);
    }

    @Test
    void aRateThatNeverComesBackDidNotRecoverWithinTheScenario() {
        DisruptionTasks t = new DisruptionTasks();
        for (int i = 0; i < 400; i++) {
            long c = i * 25_000L;  // 40/s for 10 s, then 10/s
            t.accept(task("a" + i, "completed", c, c, c, c + 10_000, null));
        }
        for (int i = 0; i < 100; i++) {
            long c = 10 * S + i * 100_000L;
            t.accept(task("b" + i, "completed", c, c, c, c + 10_000, null));
        }
        DisruptionCost c = DisruptionCost.of(t, 10 * S, Long.MAX_VALUE, Duration.ofSeconds(2), 0.3, TWO);
        assertThat(c.recovered()).isFalse();
        assertThat(c.recoverySeconds()).isNull();
        assertThat(c.why()).isEqualTo("did not recover within the scenario");
        assertThat(c.after()).isCloseTo(10, within(0.6));
    }

    @Test
    void failuresAreCountedByReasonAndAStuckTaskByItsIdleWait() {
        DisruptionTasks t = series(100_000, 10 * S, 0, 0);  // 10/s on 2 workers of 10 ms: mostly idle
        t.accept(task("gone", "failed", 4 * S, 4 * S, 4 * S, 6 * S, "Worker has gone missing."));
        t.accept(task("gone2", "failed", 4 * S, 4 * S, 4 * S, 6 * S, "Worker has gone missing."));
        t.accept(task("before", "failed", S, S, S, 2 * S, "other"));
        t.accept(task("late", "completed", 5 * S, 5 * S + 1000, 8 * S, 8 * S + 10_000, null));  // waited 3 s unblocked, workers idle
        t.accept(task("busy", "completed", 5 * S, 5 * S + 1000, 5 * S + 500_000, 5 * S + 510_000, null));  // 0.5 s: not stuck
        DisruptionCost c = DisruptionCost.of(t, 5 * S, Long.MAX_VALUE, Duration.ofSeconds(1), 0.3, TWO);
        assertThat(c.failed()).isEqualTo(2);
        assertThat(c.failedReasons()).containsExactly(java.util.Map.entry("Worker has gone missing.", 2L));
        assertThat(c.stuck()).isEqualTo(1);
        assertThat(c.longestStuckSeconds()).isCloseTo(3.0, within(0.01));
        assertThat(c.longestStuckTask()).isEqualTo("/tasks/late/");
    }

    @Test
    void aKilledWorkersTaskFailingOnlyATtlLaterIsStillItsCostAndTheNextDisruptionEndsTheSpan() {
        DisruptionTasks t = series(25_000, 40 * S, 0, 0);  // no dip at all: the other worker kept the rate
        t.accept(task("killed", "failed", 4 * S, 4 * S, 4 * S, 35 * S, "Worker has gone missing."));  // found missing 30 s later
        t.accept(task("next", "failed", 37 * S, 37 * S, 37 * S, 38 * S, "Worker has gone missing."));
        DisruptionCost first = DisruptionCost.of(t, 5 * S, 36 * S, Duration.ofSeconds(2), 0.3, TWO);
        assertThat(first.recoverySeconds()).isEqualTo(0.0);
        assertThat(first.failed()).as("long after the held window, before the next disruption").isEqualTo(1);
        DisruptionCost second = DisruptionCost.of(t, 36 * S, Long.MAX_VALUE, Duration.ofSeconds(2), 0.3, TWO);
        assertThat(second.failed()).isEqualTo(1);
    }

    @Test
    void aTaskWaitingWhileEveryWorkerWasBusyIsNotStuck() {
        DisruptionTasks t = new DisruptionTasks();
        // One worker busy from 0 to 10 s with one long task; a second task waits 0-10 s: no worker idle.
        DisruptionCost.OnlineWorkers one = new DisruptionCost.OnlineWorkers(new long[] {0}, new int[] {1}, 1);
        t.accept(task("long", "completed", 0, 0L, 0L, 10 * S, null));
        t.accept(task("waits", "completed", 0, 1000L, 10 * S, 10 * S + 1000, null));
        DisruptionCost c = DisruptionCost.of(t, 2 * S, Long.MAX_VALUE, Duration.ofSeconds(1), 0.3, one);
        assertThat(c.stuck()).isZero();
    }

    @Test
    void aDisruptionTooEarlyForABeforeRateSaysSo() {
        DisruptionTasks t = series(25_000, 5 * S, 0, 0);
        DisruptionCost c = DisruptionCost.of(t, 100_000, Long.MAX_VALUE, Duration.ofSeconds(2), 0.3, TWO);
        assertThat(c.before()).isNull();
        assertThat(c.recovered()).isFalse();
        assertThat(c.why()).contains("no before-rate");
    }
}
