package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.FleetSettings;
import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Shape;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.report.FleetTable;
import io.pulpperf.throughput.report.JudgedScenario;
import io.pulpperf.throughput.report.ScenarioChecks;
import io.pulpperf.throughput.sim.HeartbeatPlan;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet shape on the simulator (issue 20): an on-time fleet has no timeouts; heartbeats late
 * past the TTL are counted and named as timeouts; a scale that brings fewer workers than asked
 * says how many came. TTL 600 ms, so a beat every 200 ms.
 */
@DisplayName("Fleet shape: worker counts held and watched")
class FleetShapeTest {
    private static final Duration TTL = Duration.ofMillis(600);

    @TempDir
    Path out;

    @Test
    void anOnTimeFleetHasNoTimeoutsAndScalesBackToTheCountFound() throws Exception {
        try (SimulatedRun sim = new SimulatedRun(config(HeartbeatPlan.defaults().withTtl(TTL)), out)) {
            ScenarioResult r = sim.run(fleet(null, 2, 4));
            assertThat(r.fleet()).extracting(FleetCount::asked).containsExactly(2, 4);
            for (FleetCount c : r.fleet()) {
                assertThat(c.timeouts()).as("timeouts at %d", c.asked()).isZero();
                assertThat(c.onlineMin()).isEqualTo(c.asked());
                assertThat(c.neverOnline()).isZero();
                assertThat(c.secondsToAllOnline()).isNotNull();
                // A beat every 200 ms, read against a Date header cut to the second.
                assertThat(c.heartbeatAgeMaxMillis()).isBetween(0L, 1200L);
                assertThat(c.reads()).isGreaterThanOrEqualTo(5);
            }
            assertThat(r.problems()).isEmpty();
            assertThat(sim.client.status().workerCount()).as("scaled back to the 2 found").isEqualTo(2);
            assertThat(ScenarioChecks.of(r)).noneMatch(Check::failed);
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(io.pulpperf.throughput.report.ResultsJson.json(
                    java.util.Map.of("date", "d"), List.of(new JudgedScenario(r, List.of())))).path("scenarios").get(0).path("fleet");
            assertThat(json).hasSize(2);
            assertThat(json.get(1).fieldNames()).toIterable().contains("asked", "onlineMin", "onlineMedian", "onlineMax",
                    "heartbeatAgeP50Millis", "heartbeatAgeP95Millis", "heartbeatAgeMaxMillis", "timeouts", "neverOnline", "secondsToAllOnline");
            assertThat(json.get(1).path("asked").asInt()).isEqualTo(4);
            assertThat(FleetTable.markdown(List.of(new JudgedScenario(r, List.of())), java.util.Map.of(r.runId(), "DB CPU peak 97%")))
                    .contains("The observers over the whole fleet run: DB CPU peak 97%")
                    .contains("| Instance Count | Timeout (Yes/No) | Bottleneck Identified |")
                    .containsPattern("\\| 4 \\| No \\| -; heartbeat p95 \\d\\.\\d s, max \\d\\.\\d s; online 4 of 4; all online in \\d+\\.\\d s \\|");
        }
    }

    @Test
    void heartbeatsLatePastTheTtlAreCountedAndNamedAsTimeouts() throws Exception {
        // 200 ms + 150 ms per worker: 500 ms between beats with 2 workers (inside the TTL), 800 ms with 4 (past it).
        HeartbeatPlan loaded = HeartbeatPlan.defaults().withTtl(TTL).withLagPerWorker(Duration.ofMillis(150));
        try (SimulatedRun sim = new SimulatedRun(config(loaded), out)) {
            ScenarioResult r = sim.run(fleet(new Thresholds(0, 0, 0, null, Duration.ofSeconds(5), 0, null), 2, 4));
            FleetCount two = r.fleet().get(0);
            FleetCount four = r.fleet().get(1);
            assertThat(two.timeouts()).isZero();
            assertThat(four.timeouts()).isPositive();
            assertThat(four.timedOut()).isNotEmpty().allMatch(n -> n.matches("\\d+@pulp-sim"));
            assertThat(four.onlineMin()).isLessThan(4);
            List<Check> failed = ScenarioChecks.of(r).stream().filter(Check::failed).toList();
            assertThat(failed).singleElement().satisfies(c -> {
                assertThat(c.figure()).isEqualTo("timeouts at 4 workers");
                assertThat(c.detail()).startsWith("left the online set: ").contains(four.timedOut().get(0));
            });
            assertThat(FleetTable.markdown(List.of(new JudgedScenario(r, List.of())))).contains("| 4 | Yes |").contains("| 2 | No |");
        }
    }

    @Test
    void aScaleThatBringsFewerWorkersThanAskedSaysHowManyCame() throws Exception {
        try (SimulatedRun sim = new SimulatedRun(config(HeartbeatPlan.defaults().withTtl(TTL)), out)) {
            // A cluster with room for 3 workers: the scale "succeeds" with 3 and the control says so, as ScaleCommandWorkers does.
            WorkerControl capped = new WorkerControl() {
                @Override
                public int ensure(int workers) {
                    sim.simulator.setWorkers(Math.min(workers, 3));
                    int seen = sim.client.status().workerCount();
                    if (seen != workers) throw new IllegalStateException("status/ did not show exactly " + workers + " online workers; last seen: " + seen);
                    return seen;
                }

                @Override
                public boolean canScale() {
                    return true;
                }
            };
            Clients clients = Clients.connect(sim.settings);
            ScenarioRunner runner = new ScenarioRunner(sim.settings, clients.api(), clients.dispatcher(), capped,
                    new PrintStream(sim.console, true), "simulator");
            ScenarioResult r = runner.run(fleet(null, 5), Phases.silent());
            FleetCount five = r.fleet().get(0);
            assertThat(five.asked()).isEqualTo(5);
            assertThat(five.onlineMax()).isEqualTo(3);
            assertThat(five.neverOnline()).isEqualTo(2);
            assertThat(five.secondsToAllOnline()).isNull();
            assertThat(r.problems()).anySatisfy(p -> assertThat(p).startsWith("scaling to 5 workers: ").contains("last seen: 3"));
            assertThat(FleetTable.markdown(List.of(new JudgedScenario(r, List.of())))).contains("online 3 of 5; 2 never online; never all online");
            assertThat(ScenarioChecks.of(r)).filteredOn(Check::failed).extracting(Check::figure).containsExactly("problems during the run");
        }
    }

    private static SimulatorConfig config(HeartbeatPlan beats) {
        return SimulatorConfig.defaults().withWorkers(2).withHeartbeats(beats);
    }

    private static Scenario fleet(Thresholds thresholds, Integer... counts) {
        return new Scenario("fleet", Workload.REPOSITORY_DELETE, 4, 1, 1, null, Shape.FLEET, Duration.ofMinutes(1),
                thresholds == null ? new Thresholds(0, 0, 0) : thresholds, null, null, null,
                new FleetSettings(List.of(counts), Duration.ofMillis(1500), Duration.ofMillis(200)));
    }
}
