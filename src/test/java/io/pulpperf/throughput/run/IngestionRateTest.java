package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.report.IngestionTable;
import io.pulpperf.throughput.report.JudgedScenario;
import io.pulpperf.throughput.report.ScenarioChecks;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingestion rate of plan 0002 (issue 20) against the simulator's test views, whose dispatch
 * interval is known: one request dispatches a task every 10 ms for 1 s (100 tasks, created
 * 0.99 s apart first to last), so one request ingests exactly 100 tasks/s and two at once 200.
 */
@DisplayName("Ingestion rate: tasks created per second, checked against the test view's known interval")
class IngestionRateTest {
    @TempDir
    Path out;

    @Test
    void oneRequestIngestsOneTaskPerDispatchInterval() throws Exception {
        try (SimulatedRun sim = new SimulatedRun(views(), out)) {
            ScenarioResult r = sim.run(ingestion(1, 95, new Thresholds(0, 0, 0, null, null, null, 80.0)));
            IngestionResult i = r.ingestion();
            assertThat(r.dispatch().requests()).isEqualTo(1);
            assertThat(i.clients()).isEqualTo(1);
            assertThat(i.tasks()).isEqualTo(r.metrics().observed()).isEqualTo(r.dispatch().tasks()).isBetween(99L, 101L);
            assertThat(i.rate()).as("99 intervals of 10 ms between first and last created, was %s of %s tasks", i.rate(), i.tasks()).isCloseTo(100.0, within(0.5));
            // tasks_executed over the request's duration: 1 s of dispatching plus the round trip.
            assertThat(i.perRequestRates()).singleElement().satisfies(p -> assertThat(p).isBetween(85.0, 100.5));
            assertThat(i.tasksPerRequest()).isBetween(99.0, 101.0);
            assertThat(ScenarioChecks.of(r)).filteredOn(c -> c.figure().equals("ingestion rate"))
                    .singleElement().satisfies(c -> assertThat(c.verdict()).isEqualTo(Check.Verdict.PASS));
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(io.pulpperf.throughput.report.ResultsJson.json(
                    java.util.Map.of("date", "d"), List.of(new JudgedScenario(r, List.of())))).path("scenarios").get(0).path("ingestion");
            assertThat(json.path("rate").asDouble()).isEqualTo(i.rate());
            assertThat(json.path("clients").asInt()).isEqualTo(1);
            assertThat(json.path("perRequestRates")).hasSize(1);
            String md = IngestionTable.markdown(List.of(new JudgedScenario(r, List.of())));
            assertThat(md).contains("| Simultaneous workers | Tasks | Observations |").containsPattern("\\| 1 \\| (99|100|101) per request \\| ingest: ingests (99|100)\\.\\d\\d tasks/s");
        }
    }

    @Test
    void twoRequestsAtOnceIngestTwiceAsFastAndABarAboveThatFails() throws Exception {
        try (SimulatedRun sim = new SimulatedRun(views(), out)) {
            ScenarioResult r = sim.run(ingestion(2, 90, new Thresholds(0, 0, 0, null, null, null, 250.0)));
            // Both clients start at once, and the first answer alone covers the 90 tasks asked: exactly 2 requests.
            assertThat(r.dispatch().requests()).isEqualTo(2);
            // 199 intervals over 0.99 s plus however far apart the two requests started.
            assertThat(r.ingestion().rate()).isBetween(180.0, 202.0);
            assertThat(r.ingestion().perRequestRates()).hasSize(2);
            assertThat(ScenarioChecks.of(r)).filteredOn(Check::failed).extracting(Check::figure).containsExactly("ingestion rate");
        }
    }

    @Test
    void otherWorkloadsHaveNoIngestionFigures() throws Exception {
        try (SimulatedRun sim = new SimulatedRun(SimulatorConfig.defaults().withDefaultServiceTime("1ms"), out)) {
            ScenarioResult r = sim.run(SimulatedRun.scenario("deletes", Workload.REPOSITORY_DELETE, 2, 20, 2));
            assertThat(r.ingestion()).isNull();
            assertThat(ScenarioChecks.of(r)).noneMatch(c -> c.figure().equals("ingestion rate"));
        }
    }

    private static SimulatorConfig views() {
        return SimulatorConfig.defaults().withDefaultServiceTime("1ms").withServiceTime("no_op_task", "1ms")
                .withTestEndpointDuration(Duration.ofSeconds(1)).withTestDispatchInterval(Duration.ofMillis(10));
    }

    private static Scenario ingestion(int clients, int tasks, Thresholds thresholds) {
        return Scenario.of("ingest", Workload.TASK_INGESTION, 2, tasks, clients, Duration.ofSeconds(60), thresholds);
    }
}
