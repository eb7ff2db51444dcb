package io.pulpperf.throughput.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The contention knob: run times stretched by the busy workers, as the USL's denominator. */
class WorkerContentionTest {
    @Test
    void stretchIsTheUslDenominatorOfTheBusyWorkers() {
        WorkerContention c = new WorkerContention(0.1, 0.005);
        assertThat(c.stretch(1)).isEqualTo(1.0);
        assertThat(c.stretch(4)).isEqualTo(1 + 0.1 * 3 + 0.005 * 4 * 3);
        assertThat(c.stretch(0)).as("no busy worker counts as one").isEqualTo(1.0);
        assertThat(WorkerContention.NONE.stretch(32)).isEqualTo(1.0);
    }

    @Test
    void propertiesSetItAndNegativeValuesAreRefused() {
        Properties p = new Properties();
        p.setProperty("sim.contention.sigma", "0.05");
        p.setProperty("sim.contention.kappa", "0.002");
        assertThat(SimulatorConfig.fromProperties(p).contention()).isEqualTo(new WorkerContention(0.05, 0.002));
        assertThat(SimulatorConfig.fromProperties(new Properties()).contention()).isEqualTo(WorkerContention.NONE);
        assertThat(SimulatorConfig.defaults().contention()).isEqualTo(WorkerContention.NONE);
        assertThatThrownBy(() -> new WorkerContention(-0.1, 0)).hasMessageContaining("sim.contention.sigma");
        assertThatThrownBy(() -> new WorkerContention(0, Double.NaN)).hasMessageContaining("sim.contention.kappa");
    }

    @Test
    void everyTaskOfAFullDrainRunsItsServiceTimeTimesTheStretchOfAllWorkers() {
        WorkerContention c = new WorkerContention(0.1, 0.005);
        SimulatorConfig config = SimulatorConfig.defaults().withWorkers(0).withDefaultServiceTime("10ms").withContention(c);
        try (EngineFixture f = new EngineFixture(config)) {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 8; i++) ids.add(f.dispatch("delete", List.of("repo-" + i), List.of()));
            f.engine.setWorkers(4);  // the backlog shape: all 4 start together, two full waves
            f.awaitIdle();
            for (UUID id : ids) {
                TaskSnapshot t = f.task(id);
                assertThat(t.finishedMicros() - t.startedMicros()).as("run time of %s", t.name())
                        .isEqualTo(Math.round(10_000 * c.stretch(4)));
            }
        }
    }

    @Test
    void aLoneWorkerIsNotSlowedDown() {
        SimulatorConfig config = SimulatorConfig.defaults().withWorkers(2).withDefaultServiceTime("10ms")
                .withContention(new WorkerContention(0.5, 0.1));
        try (EngineFixture f = new EngineFixture(config)) {
            UUID id = f.dispatch("delete", List.of("repo"), List.of());
            TaskSnapshot t = f.await(id, "completed");
            assertThat(t.finishedMicros() - t.startedMicros()).isEqualTo(10_000);
        }
    }
}
