package io.pulpperf.throughput.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Percentage.withPercentage;

import io.pulpperf.throughput.pulp.PulpTask;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metric definitions checked against figures worked out by hand. */
class RunAnalyzerTest {
    private static final long T0 = 1_800_000_000_000_000L;  // an epoch in micros

    private static PulpTask task(String id, String state, long created, Long unblocked, Long started, Long finished, String error) {
        return new PulpTask("/pulp/api/v3/tasks/" + id + "/", "t", state, "cid", T0 + created * 1000,
                unblocked == null ? null : T0 + unblocked * 1000, started == null ? null : T0 + started * 1000,
                finished == null ? null : T0 + finished * 1000, error);
    }

    /** Times in ms from T0: two completed, one canceled before it ran, one failed; one href never observed. */
    private static RunMetrics example() {
        RunAnalyzer a = new RunAnalyzer();
        a.accept(task("1", "completed", 0, 100L, 200L, 1200L, null));
        a.accept(task("2", "completed", 50, null, 300L, 800L, null));
        a.accept(task("3", "canceled", 100, null, null, 400L, null));
        a.accept(task("4", "failed", 150, 150L, 1000L, 1500L, "boom"));
        return a.result(List.of("/pulp/api/v3/tasks/1/", "/pulp/api/v3/tasks/2/", "/pulp/api/v3/tasks/3/",
                "/pulp/api/v3/tasks/4/", "/pulp/api/v3/tasks/5/"));
    }

    @Test
    void countsStatesLossesAndSuccess() {
        RunMetrics m = example();
        assertThat(m.submitted()).isEqualTo(5);
        assertThat(m.observed()).isEqualTo(4);
        assertThat(m.lost()).isEqualTo(1);
        assertThat(m.lostHrefs()).containsExactly("/pulp/api/v3/tasks/5/");
        assertThat(m.byState()).containsEntry("completed", 2L).containsEntry("canceled", 1L).containsEntry("failed", 1L);
        assertThat(m.successRate()).isEqualTo(0.5);
        assertThat(m.errors()).containsExactly(org.assertj.core.api.Assertions.entry("boom", 1L));
    }

    @Test
    void ratesUseTheDefinedWindows() {
        RunMetrics m = example();
        // 2 completed / (1.500 s last finish - 0.200 s first start)
        assertThat(m.throughput()).isCloseTo(2 / 1.3, within(1e-9));
        // 2 completed / (1.500 s - 0 s first created)
        assertThat(m.makespanRate()).isCloseTo(2 / 1.5, within(1e-9));
        assertThat(m.steadyRate()).as("fewer than 10 completions: no steady state").isNull();
    }

    @Test
    void latencyPartsSkipNullTimestamps() {
        RunMetrics m = example();
        // blocked only where unblocked_at is set: task 1 (100 ms) and task 4 (0 ms)
        assertThat(m.latency().get(LatencyPart.BLOCKED).count()).isEqualTo(2);
        assertThat(m.latency().get(LatencyPart.BLOCKED).max()).isCloseTo(100_000, withPercentage(0.1));
        // worker wait: 1 -> 200-100, 2 -> 300-50 (no unblocked_at), 4 -> 1000-150; 3 never started
        LatencySummary wait = m.latency().get(LatencyPart.WORKER_WAIT);
        assertThat(wait.count()).isEqualTo(3);
        assertThat(wait.p50()).isCloseTo(250_000, withPercentage(0.1));
        assertThat(wait.max()).isCloseTo(850_000, withPercentage(0.1));
        assertThat(wait.mean()).isCloseTo((100_000 + 250_000 + 850_000) / 3.0, withPercentage(0.1));
        // run: 1000, 500, 500 ms
        LatencySummary run = m.latency().get(LatencyPart.RUN);
        assertThat(run.count()).isEqualTo(3);
        assertThat(run.p50()).isCloseTo(500_000, withPercentage(0.1));
        assertThat(run.max()).isCloseTo(1_000_000, withPercentage(0.1));
        // total only for completed tasks: 1200 and 750 ms
        LatencySummary total = m.latency().get(LatencyPart.TOTAL);
        assertThat(total.count()).isEqualTo(2);
        assertThat(total.max()).isCloseTo(1_200_000, withPercentage(0.1));
        assertThat(total.p50()).isCloseTo(750_000, withPercentage(0.1));
    }

    @Test
    void timelineCountsEveryEventAndEndsWithAnEmptyQueue() {
        RunMetrics m = example();
        assertThat(m.timeline()).isNotEmpty();
        assertThat(m.timeline().stream().mapToLong(TimelineBucket::created).sum()).isEqualTo(4);
        assertThat(m.timeline().stream().mapToLong(TimelineBucket::started).sum()).isEqualTo(3);
        assertThat(m.timeline().stream().mapToLong(TimelineBucket::finished).sum()).isEqualTo(4);
        TimelineBucket last = m.timeline().get(m.timeline().size() - 1);
        assertThat(last.waiting()).isZero();
        assertThat(last.running()).isZero();
        // 1.5 s span: 20 ms buckets (the first nice step giving at most 120 intervals)
        assertThat(m.bucketMicros()).isEqualTo(20_000);
        // at 0.3 s: tasks 1, 2 running; 3 (canceled at 0.4 s) and 4 waiting
        TimelineBucket at300 = m.timeline().get(15);
        assertThat(at300.running()).isEqualTo(2);
        assertThat(at300.waiting()).isEqualTo(2);
    }

    @Test
    void steadyRateDropsWarmUpAndDrain() {
        RunAnalyzer a = new RunAnalyzer();
        // 100 tasks finishing 10 ms apart, the first 10 and last 10 slower (100 ms apart)
        long t = 0;
        for (int i = 0; i < 100; i++) {
            t += (i < 10 || i >= 90) ? 100 : 10;
            a.accept(task(String.valueOf(i), "completed", 0, null, 0L, t, null));
        }
        RunMetrics m = a.result(List.of());
        assertThat(m.steadyRate()).isCloseTo(100.0, withPercentage(1));
        assertThat(m.throughput()).isLessThan(m.steadyRate());
    }

    @Test
    void aTaskSeenTwiceCountsOnce() {
        RunAnalyzer a = new RunAnalyzer();
        a.accept(task("1", "completed", 0, null, 10L, 20L, null));
        a.accept(task("1", "completed", 0, null, 10L, 20L, null));
        assertThat(a.result(List.of("/pulp/api/v3/tasks/1/")).observed()).isEqualTo(1);
        assertThat(a.duplicates()).isEqualTo(1);
    }

    @Test
    void noTasksGiveUndefinedRatesNotZero() {
        RunMetrics m = new RunAnalyzer().result(List.of("/pulp/api/v3/tasks/9/"));
        assertThat(m.throughput()).isNull();
        assertThat(m.successRate()).isNull();
        assertThat(m.lost()).isEqualTo(1);
        assertThat(m.timeline()).isEmpty();
    }
}
