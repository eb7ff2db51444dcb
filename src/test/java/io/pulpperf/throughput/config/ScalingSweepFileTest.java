package io.pulpperf.throughput.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * config/scaling.yaml keeps what its comments promise: one backlog workload at 6 worker counts
 * (4 or more for the fit), tasks a multiple of every count, and simulator contention set.
 */
class ScalingSweepFileTest {
    @Test
    void theSweepIsOneBacklogWorkloadAtSixCountsWithContention() {
        SuiteSettings s = new ConfigLoader(Map.of("pulp.config", "config/scaling.yaml"), Map.of(), Path.of("")).load();
        List<Scenario> sweep = s.scenarios();
        assertThat(sweep).extracting(Scenario::workers).containsExactly(1, 2, 4, 8, 16, 32);
        assertThat(sweep).extracting(Scenario::shape).containsOnly(Shape.BACKLOG);
        assertThat(sweep).extracting(Scenario::workload).containsOnly(Workload.REPOSITORY_DELETE);
        assertThat(sweep).allSatisfy(sc -> assertThat(sc.tasks() % sc.workers()).as("%s: whole waves", sc.name()).isZero());
        assertThat(s.simulator().contention()).isEqualTo(new SimulatorSettings.Contention(0.1, 0.005));
        assertThat(s.simulator().serviceTimes()).containsEntry("ageneral_delete", "20ms");
    }
}
