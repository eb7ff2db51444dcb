package io.pulpperf.throughput.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.ScenarioObserver;
import io.pulpperf.throughput.observe.ScenarioWindow;
import io.pulpperf.throughput.measure.WorkerWatch;
import io.pulpperf.throughput.pulp.WorkerBeats;
import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.run.SimulatedRun;
import io.pulpperf.throughput.sim.HeartbeatPlan;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Worker health in every task scenario (issue 20): a worker that left the online set is named, with when and for how long. */
@DisplayName("Worker health names a worker that left the online set")
class WorkerHealthTest {
    private static final Instant T0 = Instant.parse("2026-12-04T22:52:10Z");

    @TempDir
    Path out;

    @Test
    void aWorkerAbsentFromTwoAnswersIsNamedWithWhenAndHowLong() {
        WorkerWatch watch = new WorkerWatch();
        watch.add(answer(0, 2, "w1", "w2"), null);
        watch.add(answer(10, 9, "w1"), null);
        watch.add(answer(20, 3, "w1"), null);
        watch.add(answer(30, 1, "w1", "w2"), null);
        Observed o = WorkerHealthObserver.observed(watch, 0, new ScenarioWindow(T0.minusSeconds(3), T0.plusSeconds(30), T0, T0.plusSeconds(29)));
        assertThat(o.observation()).isEqualTo("workers not all alive: w2 left the online set for 20.0 s at +10.0 s");
        assertThat(o.figures()).containsEntry("allAlive", false).containsEntry("heartbeatAgeMaxMillis", 9000L)
                .containsEntry("onlineAtStart", List.of("w1", "w2")).containsEntry("onlineAtEnd", List.of("w1", "w2"));
        assertThat(o.figures().get("left")).isEqualTo(List.of(new WorkerHealth.Left("w2", 10.0, 20.0, true)));
        assertThat(o.checks()).singleElement().satisfies(c -> {
            assertThat(c.verdict()).isEqualTo(Check.Verdict.NOTE);
            assertThat(c.detail()).contains("not comparable with runs whose workers all stayed online");
        });
    }

    @Test
    void aWorkerOutOfTheOnlineSetHasItsAgeFromTheMissingListButALingeringDeadOneDoesNot() {
        WorkerWatch watch = new WorkerWatch();
        watch.add(answer(0, 2, "w1", "w2"), null);
        watch.add(answer(10, 3, "w1"), null);
        watch.addMissing(answer(10, 35, "w2", "killed-long-ago"));
        watch.addMissing(new WorkerBeats(T0.plusSeconds(10), List.of(new WorkerBeats.Beat("killed-long-ago", T0.minusSeconds(3600)))));
        watch.add(answer(20, 1, "w1", "w2"), null);
        assertThat(watch.ageMillis()).containsExactly(2000L, 2000L, 3000L, 35000L, 1000L, 1000L);
        Observed o = WorkerHealthObserver.observed(watch, 0, new ScenarioWindow(T0, T0.plusSeconds(20), T0, T0.plusSeconds(20)));
        assertThat(o.figures()).containsEntry("heartbeatAgeMaxMillis", 35000L);
    }

    @Test
    void workersScaledAwayBeforeTheFirstTaskDidNotDropOut() {
        WorkerWatch watch = new WorkerWatch();
        watch.add(answer(0, 1, "w1", "w2", "w3"), null);
        watch.add(answer(2, 1, "w1"), null);
        watch.add(answer(4, 1, "w1"), null);
        watch.add(answer(9, 1, "w1"), null);
        Observed o = WorkerHealthObserver.observed(watch, 0, new ScenarioWindow(T0, T0.plusSeconds(9), T0.plusSeconds(3), T0.plusSeconds(8)));
        assertThat(o.observation()).isEmpty();
        assertThat(o.figures()).containsEntry("allAlive", true).containsEntry("onlineAtStart", List.of("w1"));
    }

    @Test
    void departuresAfterTheLastTaskOrWithoutTasksAreTheSuitesScalingNotDropOuts() {
        WorkerWatch watch = new WorkerWatch();
        watch.add(answer(0, 1, "w1", "w2"), null);
        watch.add(answer(4, 1, "w1", "w2"), null);
        watch.add(answer(6, 1, "w1", "w2"), null);
        watch.add(answer(9, 1, "w1"), null);
        Observed after = WorkerHealthObserver.observed(watch, 0, new ScenarioWindow(T0, T0.plusSeconds(9), T0.plusSeconds(1), T0.plusSeconds(5)));
        assertThat(after.observation()).isEmpty();
        assertThat(after.figures()).containsEntry("allAlive", true);
        Observed none = WorkerHealthObserver.observed(watch, 0, new ScenarioWindow(T0, T0.plusSeconds(9), null, null));
        assertThat(none.observation()).isEmpty();
        assertThat(none.figures()).containsEntry("tasks", false);
    }

    @Test
    void aWorkerStillOutAtTheEndIsSaidNotToHaveComeBack() {
        WorkerWatch watch = new WorkerWatch();
        watch.add(answer(0, 1, "w1", "w2"), null);
        watch.add(answer(12, 1, "w1"), null);
        Observed o = WorkerHealthObserver.observed(watch, 0, new ScenarioWindow(T0, T0.plusSeconds(12), T0, T0.plusSeconds(12)));
        assertThat(o.observation()).isEqualTo("workers not all alive: w2 left the online set at +12.0 s and was not back at the end (0.0 s later)");
    }

    @Test
    void workersThatAllStayedGiveNoLineAndNoCheck() {
        WorkerWatch watch = new WorkerWatch();
        watch.add(answer(0, 4, "w1", "w2"), null);
        watch.add(answer(10, 4, "w1", "w2"), null);
        Observed o = WorkerHealthObserver.observed(watch, 0, new ScenarioWindow(T0, T0.plusSeconds(10), T0, T0.plusSeconds(10)));
        assertThat(o.observation()).isEmpty();
        assertThat(o.checks()).isEmpty();
        assertThat(o.figures()).containsEntry("allAlive", true).containsEntry("left", List.of());
    }

    @Test
    void aWorkerThatMissesItsHeartbeatsMidRunIsNamedInTheScenario() throws Exception {
        // 500 ms into the dispatch, while tasks wait, worker 1001@pulp-sim stops beating for 1.5 s; the TTL is 600 ms.
        HeartbeatPlan beats = HeartbeatPlan.defaults().withTtl(Duration.ofMillis(600));
        try (SimulatedRun sim = new SimulatedRun(SimulatorConfig.defaults().withWorkers(2).withHeartbeats(beats)
                .withDefaultServiceTime("200ms"), out)) {
            Observed o = observedRun(sim, () -> sim.simulator.missHeartbeats("1001@pulp-sim", Duration.ofMillis(1500)));
            assertThat(o.observation()).as(o.console() + " " + o.figures()).startsWith("workers not all alive: 1001@pulp-sim left the online set for ");
            assertThat(o.figures()).containsEntry("allAlive", false).containsEntry("onlineAtEnd", List.of("1000@pulp-sim", "1001@pulp-sim"));
            WorkerHealth.Left left = (WorkerHealth.Left) ((List<?>) o.figures().get("left")).get(0);
            assertThat(left.forSeconds()).as("time out of the set, read at 1 s resolution of Date").isBetween(0.0, 3.0);
            assertThat(left.cameBack()).isTrue();
        }
    }

    @Test
    void healthyWorkersInAScenarioAreAllAlive() throws Exception {
        HeartbeatPlan beats = HeartbeatPlan.defaults().withTtl(Duration.ofMillis(600));
        try (SimulatedRun sim = new SimulatedRun(SimulatorConfig.defaults().withWorkers(2).withHeartbeats(beats)
                .withDefaultServiceTime("200ms"), out)) {
            Observed o = observedRun(sim, () -> {});
            assertThat(o.observation()).isEmpty();
            assertThat(o.figures()).containsEntry("allAlive", true);
            assertThat((Long) o.figures().get("heartbeatAgeMaxMillis")).isBetween(0L, 1200L);
        }
    }

    /** 40 deletes of 200 ms with 2 workers (~4 s of tasks) watched every 100 ms; {@code midRun} runs 500 ms into the dispatch. */
    private static Observed observedRun(SimulatedRun sim, Runnable midRun) throws Exception {
        ScenarioObserver observer = new WorkerHealthObserver(sim.client, Duration.ofMillis(100));
        Instant started = Instant.now();
        ScenarioObserver.Observing watching = observer.start("health", Duration.ofMinutes(1));
        var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        // Timed from the dispatch, not the start: fixtures take longer on a busy machine.
        io.pulpperf.throughput.run.Phases phases = new io.pulpperf.throughput.run.Phases() {
            @Override
            public <T> T phase(String name, java.util.concurrent.Callable<T> body) throws Exception {
                if (name.startsWith("Dispatch")) timer.schedule(midRun, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
                return body.call();
            }
        };
        ScenarioResult r = sim.run(SimulatedRun.scenario("health", Workload.REPOSITORY_DELETE, 2, 40, 2), phases);
        timer.shutdown();
        assertThat(r.metrics().completed()).isEqualTo(40);
        return watching.stop(new ScenarioWindow(started, Instant.now(), io.pulpperf.throughput.pulp.PulpTime.ofMicros(r.metrics().firstCreated()),
                io.pulpperf.throughput.pulp.PulpTime.ofMicros(r.metrics().lastFinished())));
    }

    private static WorkerBeats answer(int atSecond, int ageSeconds, String... names) {
        Instant at = T0.plusSeconds(atSecond);
        return new WorkerBeats(at, java.util.Arrays.stream(names).map(n -> new WorkerBeats.Beat(n, at.minusSeconds(ageSeconds))).toList());
    }
}
