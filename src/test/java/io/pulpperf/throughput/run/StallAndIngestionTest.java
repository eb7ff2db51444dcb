package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Shape;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.measure.RunAwaiter;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorded 3.105 quirk (a queue built with no worker online stays asleep after workers
 * start) and pulp-service's task-ingestion views, run whole against the simulator.
 */
class StallAndIngestionTest {
    @TempDir
    Path out;

    @Test
    void aStallIsNamedAndTheNudgeWakesTheQueue() throws Exception {
        try (SimulatedRun sim = new SimulatedRun(SimulatorConfig.defaults().withStallWithoutWorkers(true)
                .withDefaultServiceTime("5ms").withWorkers(0), out)) {
            String cid = io.pulpperf.throughput.pulp.CorrelationIds.newRun();
            var tagged = sim.client.withCorrelationId(cid);
            for (int i = 0; i < 5; i++) tagged.delete(tagged.createRepository("stall-" + i));
            sim.simulator.setWorkers(2);
            Map<String, String> run = RunFilter.byCorrelationId(cid).params();

            RunAwaiter awaiter = new RunAwaiter(sim.client, Duration.ofMillis(50), 5, Duration.ofMillis(300));
            RunAwaiter.Outcome asleep = awaiter.awaitFinished(run, Duration.ofSeconds(2), n -> { });
            assertThat(asleep.finished()).isFalse();
            assertThat(asleep.stalls()).singleElement().asString()
                    .startsWith("stall: 5 tasks waiting while 2 workers were online and none of the run's tasks ran for 0 s");
            assertThat(asleep.problem()).contains("timed out").contains("stall: 5 tasks waiting");

            AtomicInteger nudges = new AtomicInteger();
            RunAwaiter.Outcome woken = awaiter.awaitFinished(run, Duration.ofSeconds(5), n -> { }, () -> {
                nudges.incrementAndGet();
                sim.client.withCorrelationId(io.pulpperf.throughput.pulp.CorrelationIds.derived(cid, "nudge")).createRepository("stall-nudge");
                sim.client.withCorrelationId(io.pulpperf.throughput.pulp.CorrelationIds.derived(cid, "nudge")).delete(sim.client.hrefsByNamePrefix("repositories/file/file/", "stall-nudge").get(0));
            });
            assertThat(woken.finished()).isTrue();
            assertThat(nudges).hasValue(1);
        }
    }

    @Test
    void backlogOnAPulpWithTheQuirkStillDrainsThanksToTheNudge() throws Exception {
        try (SimulatedRun sim = new SimulatedRun(SimulatorConfig.defaults().withStallWithoutWorkers(true)
                .withDefaultServiceTime("5ms"), out)) {
            ScenarioResult r = sim.run(SimulatedRun.scenario("quirk-backlog", Workload.REPOSITORY_DELETE, 2, 40, 4).withShape(Shape.BACKLOG));
            assertThat(r.metrics().completed()).as("problems %s", r.problems()).isEqualTo(40);
            assertThat(r.notes()).anyMatch(n -> n.contains("one extra task of its own"));
            assertThat(r.metrics().observed()).as("the nudge task is not counted").isEqualTo(40);
        }
    }

    @Test
    void taskIngestionRequestsUntilTheCountIsReachedAndCountsFromTheTasksApi() throws Exception {
        // no_op_task's own 300 ms (pulp-service sleeps 0.3 s) made ~300 tasks on 4 workers a 22 s wait; what is
        // tested here is the counting, so the tasks take 1 ms like the rest.
        try (SimulatedRun sim = new SimulatedRun(SimulatorConfig.defaults().withDefaultServiceTime("1ms").withServiceTime("no_op_task", "1ms")
                .withTestEndpointDuration(Duration.ofMillis(200)).withTestDispatchInterval(Duration.ofMillis(2)), out)) {
            Scenario s = Scenario.of("ingest", Workload.TASK_INGESTION, 4, 150, 2, Duration.ofSeconds(60), new Thresholds(0, 0, 0));
            ScenarioResult r = sim.run(s);
            assertThat(r.dispatch().tasks()).isGreaterThanOrEqualTo(150);
            assertThat(r.metrics().submitted()).isEqualTo(r.dispatch().tasks());
            assertThat(r.metrics().observed()).as("problems %s", r.problems()).isEqualTo(r.dispatch().tasks());
            assertThat(r.metrics().completed()).isEqualTo(r.metrics().observed());
            assertThat(r.metrics().lost()).isZero();
            assertThat(r.notes()).anyMatch(n -> n.startsWith("Task ingestion"));
        }
    }
}
