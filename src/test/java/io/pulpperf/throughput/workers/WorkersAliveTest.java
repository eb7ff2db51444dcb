package io.pulpperf.throughput.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.measure.WorkerWatch;
import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.ScenarioWindow;
import io.pulpperf.throughput.pulp.WorkerBeats;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the history and the baseline keep of the worker-health observer's figures. */
class WorkersAliveTest {
    private static final Instant T0 = Instant.parse("2026-12-04T22:52:10Z");

    private static WorkerBeats answer(int atSecond, String... names) {
        Instant at = T0.plusSeconds(atSecond);
        return new WorkerBeats(at, Arrays.stream(names).map(n -> new WorkerBeats.Beat(n, at.minusSeconds(1))).toList());
    }

    @Test
    void readsTheObserversOwnFigures() {
        WorkerWatch watch = new WorkerWatch();
        watch.add(answer(0, "w1", "w2"), null);
        watch.add(answer(10, "w1"), null);
        watch.add(answer(20, "w1", "w2"), null);
        Observed o = WorkerHealthObserver.observed(watch, 0, new ScenarioWindow(T0.minusSeconds(3), T0.plusSeconds(20), T0, T0.plusSeconds(19)));
        assertThat(WorkersAlive.of(Map.of(WorkerHealthObserver.SOURCE, o.figures()))).isEqualTo(new WorkersAlive(false, List.of("w2")));
    }

    @Test
    void unknownWithoutTheObserverOrItsTasksAndAnyRoundThatLostAWorkerMarksTheRun() {
        assertThat(WorkersAlive.of(null)).isNull();
        assertThat(WorkersAlive.of(Map.of(WorkerHealthObserver.SOURCE, Map.of("tasks", false)))).isNull();
        assertThat(WorkersAlive.alive(null)).isTrue();
        WorkersAlive fine = new WorkersAlive(true, List.of());
        WorkersAlive lost = WorkersAlive.of(Map.of(WorkerHealthObserver.SOURCE,
                Map.of("allAlive", false, "left", List.of(Map.of("worker", "w2"), Map.of("worker", "w2")))));
        assertThat(lost).isEqualTo(new WorkersAlive(false, List.of("w2")));
        assertThat(WorkersAlive.ofRounds(Arrays.asList(fine, null, lost))).isEqualTo(lost);
        assertThat(WorkersAlive.ofRounds(Arrays.asList(null, fine))).isEqualTo(fine);
        assertThat(WorkersAlive.ofRounds(Arrays.asList(null, null))).isNull();
        assertThat(new WorkersAlive(false, List.of()).describe()).isEqualTo("workers not all alive (fewer online at the end than at the start)");
    }
}
