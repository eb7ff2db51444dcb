package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.pulpperf.throughput.config.CustomRequest;
import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Shape;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.load.DispatchRecord;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The backlog shape, the open model and the custom workload, run whole against the simulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShapesAndModelsTest {
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

    @Test
    void backlogQueuesWithNoWorkerThenDrainsAtFullCapacity() throws Exception {
        Scenario s = SimulatedRun.scenario("backlog-4w", Workload.REPOSITORY_DELETE, 4, 200, 8).withShape(Shape.BACKLOG);
        ScenarioResult r = sim.run(s);
        assertThat(r.problems()).isEmpty();
        assertThat(r.workersOnline()).isEqualTo(4);
        assertThat(r.metrics().completed()).isEqualTo(200);
        // every task was created before any started: the whole run was queued first
        assertThat(r.metrics().firstStarted()).isGreaterThan(lastCreated(r));
        assertThat(r.metrics().throughput()).isCloseTo(4 * 1000.0 / SERVICE_MILLIS, withPercentage(2));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("Backlog:")).anyMatch(n -> n.contains("one extra task of its own"));
    }

    private static long lastCreated(ScenarioResult r) throws Exception {
        return Files.readAllLines(r.rawTasksCsv()).stream().skip(1)
                .map(l -> io.pulpperf.throughput.pulp.PulpTime.parseMicros(l.split(",")[4])).max(Long::compare).orElseThrow();
    }

    @Test
    void openModelPacesRequestsAndCountsLatencyFromTheirDueTime() throws Exception {
        Scenario s = SimulatedRun.scenario("open-100rps", Workload.REPOSITORY_DELETE, 2, 60, 4).withRate(100.0);
        ScenarioResult r = sim.run(s);
        assertThat(r.metrics().completed()).isEqualTo(60);
        List<DispatchRecord> log = sim.dispatchLog(r);
        // due times are exactly 10 ms apart; actual sends follow them closely
        assertThat(log.get(59).intendedMicros() - log.get(0).intendedMicros()).isEqualTo(590_000);
        assertThat(r.dispatch().requestRate()).isCloseTo(100.0, withPercentage(10));
        assertThat(log).allSatisfy(d -> assertThat(d.sentMicros()).isGreaterThanOrEqualTo(d.intendedMicros()));
    }

    @Test
    void customWorkloadFillsRunAndSequenceIntoTheRequest() throws Exception {
        Scenario s = new Scenario("custom", Workload.CUSTOM, 2, 20, 4, null, Shape.STEADY, Duration.ofSeconds(60),
                new Thresholds(0, 0, 0), new CustomRequest("POST", "distributions/file/file/",
                        "{\"name\": \"{run}-c{seq}\", \"base_path\": \"{run}-c{seq}\"}"), null);
        ScenarioResult r = sim.run(s);
        assertThat(r.dispatch().byStatus()).containsOnlyKeys(202);
        assertThat(r.metrics().completed()).isEqualTo(20);
        assertThat(r.metrics().lost()).isZero();
    }

    @Test
    void aWorkloadWhoseEndpointIsMissingStopsBeforeAnyLoad() {
        Scenario s = Scenario.of("ingestion", Workload.TASK_INGESTION, 1, 10, 1, Duration.ofSeconds(10), new Thresholds(0, 0, 0))
                .withShape(Shape.STEADY);
        Scenario missing = new Scenario(s.name(), s.workload(), 1, 10, 1, null, Shape.STEADY, s.timeout(), s.thresholds(), null,
                "test/not-there/");
        int before = sim.simulator.engine().taskCount();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sim.run(missing))
                .hasMessageContaining("/pulp/test/not-there/").hasMessageContaining("is not there");
        assertThat(sim.simulator.engine().taskCount()).isEqualTo(before);
    }
}
