package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.measure.RunMetrics;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The suite's numbers against a server of known capacity: with a fixed service time s, tasks
 * that share one exclusive lock complete at 1/s per second whatever the worker count, and tasks
 * with distinct locks at W/s with W workers. The whole pipeline runs: dispatch over HTTP, wait,
 * collection by pages, analysis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroundTruthTest {
    private static final long SERVICE_MILLIS = 20;

    @TempDir
    static Path out;
    private SimulatedRun sim;

    @BeforeAll
    void start() {
        sim = new SimulatedRun(SimulatorConfig.defaults().withDefaultServiceTime(SERVICE_MILLIS + "ms"), out);
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    @ParameterizedTest(name = "distribution creates with {0} workers run at 1/s")
    @ValueSource(ints = {1, 2, 4})
    void oneExclusiveLockServesOneTaskAtATime(int workers) throws Exception {
        ScenarioResult r = sim.run(SimulatedRun.scenario("lane-" + workers, Workload.DISTRIBUTION_CREATE, workers, 60, 8));
        RunMetrics m = r.metrics();
        assertThat(m.completed()).as("completed; by state %s, problems %s", m.byState(), r.problems()).isEqualTo(60);
        assertThat(m.lost()).isZero();
        assertThat(m.throughput()).isCloseTo(1000.0 / SERVICE_MILLIS, withPercentage(2));
    }

    @ParameterizedTest(name = "repository deletes with {0} workers run at W/s")
    @ValueSource(ints = {1, 2, 4})
    void distinctLocksSpreadOverAllWorkers(int workers) throws Exception {
        int tasks = 60 * workers;
        ScenarioResult r = sim.run(SimulatedRun.scenario("spread-" + workers, Workload.REPOSITORY_DELETE, workers, tasks, 16));
        RunMetrics m = r.metrics();
        assertThat(m.completed()).as("completed; by state %s, problems %s", m.byState(), r.problems()).isEqualTo(tasks);
        assertThat(m.lost()).isZero();
        assertThat(m.throughput()).isCloseTo(workers * 1000.0 / SERVICE_MILLIS, withPercentage(2));
    }
}
