package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.SearchSettings;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.sim.FaultPlan;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search stays bounded and honest when Pulp misbehaves or time runs out (issue 14). */
class CapacitySearchFaultsTest {
    @TempDir
    Path out;

    /** Faults injected until the cleanup starts, so what the search created is still removed. */
    private static Phases faultsUntilCleanup(SimulatedRun run) {
        return new Phases() {
            @Override
            public <T> T phase(String name, Callable<T> body) throws Exception {
                if (name.startsWith("Clean up")) run.simulator.setFaultPlan(FaultPlan.none());
                return body.call();
            }
        };
    }

    @Test
    void aStepWithDispatchErrorsIsReportedAsFaultedNotAsSaturation() throws Exception {
        try (SimulatedRun run = new SimulatedRun(SimulatorConfig.defaults().withDefaultServiceTime("5ms"), out)) {
            Scenario scenario = SimulatedRun.scenario("faulted-search", Workload.DISTRIBUTION_CREATE, 1, 1, 4)
                    .withSearch(new SearchSettings(20, 2, 400, Duration.ofMillis(1000), 3, null, 0.03));
            run.simulator.setFaultPlan(FaultPlan.of(0.2, FaultPlan.Kind.SERVER_ERROR).withTargets(FaultPlan.Target.DISPATCH));
            ScenarioResult r = run.run(scenario, faultsUntilCleanup(run));
            CapacityResult c = r.capacity();
            assertThat(c.steps()).singleElement().satisfies(s -> {
                assertThat(s.verdict()).isEqualTo(CapacityStep.Verdict.FAULTED);
                assertThat(s.dispatchErrors()).isPositive();
                assertThat(s.reasons()).anyMatch(why -> why.contains("dispatch requests created no task"));
            });
            assertThat(c.saturatedRate()).as("a faulted step is no saturation").isNull();
            assertThat(c.sustainedRate()).isNull();
            assertThat(r.finished()).isFalse();
            assertThat(r.problems()).anyMatch(p -> p.contains("interrupted by faults"));
            String runName = "tps-" + r.runId().substring(0, 12) + "-";
            assertThat(run.client.hrefsByNamePrefix("distributions/file/file/", runName)).as("left behind").isEmpty();
        }
    }

    @Test
    void theScenarioTimeoutEndsTheSearchBetweenSteps() throws Exception {
        try (SimulatedRun run = new SimulatedRun(SimulatorConfig.defaults().withDefaultServiceTime("5ms"), out)) {
            // 1 s steps that all keep up (capacity 200/s): the 2.5 s timeout falls during the third.
            Scenario scenario = SimulatedRun.scenario("timed-out-search", Workload.DISTRIBUTION_CREATE, 1, 1, 4)
                    .withSearch(new SearchSettings(10, 1.2, 100, Duration.ofMillis(1000), 3, null, 0.03))
                    .withTimeout(Duration.ofMillis(2500));
            long started = System.nanoTime();
            ScenarioResult r = run.run(scenario);
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(r.problems()).anyMatch(p -> p.contains("timeout"));
            assertThat(r.finished()).isFalse();
            assertThat(r.capacity().steps()).hasSizeLessThanOrEqualTo(3);
            assertThat(r.capacity().sustainedRate()).as("the steps that kept up still count").isNotNull();
            assertThat(seconds).as("timeout plus fixtures, cleanup and the last step's bounded tail").isLessThan(15);
        }
    }

    @Test
    void theCleanupCancelsTheCreatesOfAStepThatDidNotDrain() throws Exception {
        try (SimulatedRun run = new SimulatedRun(SimulatorConfig.defaults().withDefaultServiceTime("200ms"), out)) {
            // 1 worker x 200 ms creates 5/s; the first step queues 40 creates in 1 s, and the 3 s timeout
            // ends its drain with most of them still waiting, under the step's own Correlation-ID.
            Scenario scenario = SimulatedRun.scenario("undrained-search", Workload.DISTRIBUTION_CREATE, 1, 1, 8)
                    .withSearch(new SearchSettings(40, 2, 400, Duration.ofMillis(1000), 0, null, 0.03))
                    .withTimeout(Duration.ofMillis(3000));
            ScenarioResult r = run.run(scenario);
            assertThat(r.finished()).isFalse();
            String stepId = r.capacity().steps().get(0).correlationId();
            assertThat(run.client.tasks(Map.of("logging_cid", stepId, "state", "canceled", "limit", "1")).count())
                    .as("the step's waiting creates were canceled by the cleanup, not left to create after it").isPositive();
            assertThat(run.client.tasks(Map.of("logging_cid", stepId, "state__in", "waiting,running", "limit", "1")).count())
                    .isZero();
            String runName = "tps-" + r.runId().substring(0, 12) + "-";
            assertThat(run.client.hrefsByNamePrefix("distributions/file/file/", runName)).as("left behind").isEmpty();
        }
    }

    @Test
    void occasionalFailedReadsAreRetriedAndChangeNoVerdict() throws Exception {
        try (SimulatedRun run = new SimulatedRun(SimulatorConfig.defaults().withDefaultServiceTime("10ms"), out)) {
            // 1 worker x 10 ms: capacity 100/s; rising steps 20, 40, 80 are kept up with, 160 is not.
            Scenario scenario = SimulatedRun.scenario("flaky-reads-search", Workload.REPOSITORY_DELETE, 1, 1, 8)
                    .withSearch(new SearchSettings(20, 2, 400, Duration.ofMillis(1000), 0, null, 0.03));
            run.simulator.setFaultPlan(FaultPlan.of(0.2, FaultPlan.Kind.SERVER_ERROR).withTargets(FaultPlan.Target.READ));
            long retriesBefore = run.client.counter().count().retries();
            ScenarioResult r = run.run(scenario, faultsUntilCleanup(run));
            assertThat(run.client.counter().count().retries() - retriesBefore).as("reads were faulted and retried").isPositive();
            CapacityResult c = r.capacity();
            assertThat(c.steps()).extracting(CapacityStep::verdict).doesNotContain(CapacityStep.Verdict.FAULTED);
            assertThat(c.steps()).extracting(CapacityStep::keptUp).containsExactly(true, true, true, false);
            assertThat(c.sustainedRate()).isEqualTo(80.0, org.assertj.core.data.Offset.offset(2.5));
            assertThat(r.finished()).isTrue();
        }
    }

    @Test
    void aTasksApiThatStopsAnsweringFaultsTheStepInsteadOfSaturatingIt() throws Exception {
        try (SimulatedRun run = new SimulatedRun(SimulatorConfig.defaults().withDefaultServiceTime("5ms"), out)) {
            Scenario scenario = SimulatedRun.scenario("reads-gone-search", Workload.DISTRIBUTION_CREATE, 1, 1, 4)
                    .withSearch(new SearchSettings(20, 2, 400, Duration.ofMillis(1000), 3, null, 0.03));
            // From step 2 on every read fails (503), until the cleanup.
            Phases readsFailFromStep2 = new Phases() {
                @Override
                public <T> T phase(String name, Callable<T> body) throws Exception {
                    if (name.startsWith("Step 2")) {
                        run.simulator.setFaultPlan(FaultPlan.of(1.0, FaultPlan.Kind.SERVER_ERROR).withTargets(FaultPlan.Target.READ));
                    }
                    if (name.startsWith("Clean up")) run.simulator.setFaultPlan(FaultPlan.none());
                    return body.call();
                }
            };
            ScenarioResult r = run.run(scenario, readsFailFromStep2);
            CapacityResult c = r.capacity();
            assertThat(c.steps()).hasSize(2);
            assertThat(c.steps().get(0).keptUp()).isTrue();
            assertThat(c.steps().get(1).verdict()).isEqualTo(CapacityStep.Verdict.FAULTED);
            assertThat(c.steps().get(1).reasons()).anyMatch(why -> why.contains("tasks"));
            assertThat(c.saturatedRate()).as("unreadable tasks are no saturation").isNull();
            assertThat(r.finished()).isFalse();
            String runName = "tps-" + r.runId().substring(0, 12) + "-";
            assertThat(run.client.hrefsByNamePrefix("distributions/file/file/", runName)).as("left behind").isEmpty();
        }
    }
}
