package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pulpperf.throughput.config.Shape;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.report.ScalabilityGroups;
import io.pulpperf.throughput.sim.SimulatorConfig;
import io.pulpperf.throughput.sim.WorkerContention;
import io.pulpperf.throughput.usl.Scalability;
import io.pulpperf.throughput.usl.UslModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the simulator's workers contend with known sigma and kappa; backlog drains at 1 to
 * 32 workers go through the whole suite (dispatch, collection, analysis), and the USL fit of the
 * measured throughputs must give them back (sigma and kappa within 10%, N* within one worker).
 */
class UslGroundTruthTest {
    private static final int SERVICE_MILLIS = 10;
    /** 320 is a multiple of every count, so each drain is whole waves of all workers busy. */
    private static final int TASKS = 320;

    @TempDir
    Path out;

    private List<ScenarioResult> sweep(WorkerContention contention, int... counts) throws Exception {
        SimulatorConfig config = SimulatorConfig.defaults().withDefaultServiceTime(SERVICE_MILLIS + "ms").withContention(contention);
        List<ScenarioResult> results = new ArrayList<>();
        try (SimulatedRun sim = new SimulatedRun(config, out)) {
            for (int n : counts) {
                ScenarioResult r = sim.run(SimulatedRun.scenario("usl-" + n + "w", Workload.REPOSITORY_DELETE, n, TASKS, 16)
                        .withShape(Shape.BACKLOG));
                assertThat(r.metrics().completed()).as("%d workers: problems %s", n, r.problems()).isEqualTo(TASKS);
                results.add(r);
            }
        }
        return results;
    }

    @Test
    void theFitRecoversTheSimulatorsSigmaKappaAndPeak() throws Exception {
        WorkerContention known = new WorkerContention(0.1, 0.005);
        UslModel truth = new UslModel(1000.0 / SERVICE_MILLIS, known.sigma(), known.kappa());  // N* = 13.4
        List<Scalability> groups = ScalabilityGroups.of(sweep(known, 1, 2, 4, 8, 16, 32));
        assertThat(groups).hasSize(1);
        Scalability s = groups.get(0);
        assertThat(s.group()).isEqualTo("repository-delete, backlog");
        assertThat(s.fitted()).as(s.sentence()).isTrue();
        assertThat(s.model().sigma()).as(s.sentence()).isCloseTo(known.sigma(), within(0.1 * known.sigma()));
        assertThat(s.model().kappa()).as(s.sentence()).isCloseTo(known.kappa(), within(0.1 * known.kappa()));
        assertThat(s.model().peakWorkers()).as(s.sentence()).isCloseTo(truth.peakWorkers(), within(1.0));
        assertThat(s.fit().r2()).isGreaterThan(0.99);
        assertThat(s.pastPeak()).containsExactly(16, 32);
        assertThat(s.bestMeasured().workers()).isEqualTo(16);
    }

    @Test
    void workersThatDoNotContendScaleLinearlyWithNoPeak() throws Exception {
        Scalability s = ScalabilityGroups.of(sweep(WorkerContention.NONE, 1, 2, 4, 8)).get(0);
        assertThat(s.fitted()).as(s.sentence()).isTrue();
        assertThat(s.model().kappa()).as(s.sentence()).isLessThan(1e-4);
        assertThat(s.hasPeak()).as(s.sentence()).isFalse();
        assertThat(s.sentence()).contains("no peak");
    }
}
