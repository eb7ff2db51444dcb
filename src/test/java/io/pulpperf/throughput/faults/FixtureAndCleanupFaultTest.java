package io.pulpperf.throughput.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulpperf.throughput.config.Limits;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.pulp.PulpApiException;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.run.ScriptedPhases;
import io.pulpperf.throughput.run.SimulatedRun;
import io.pulpperf.throughput.sim.FaultPlan;
import io.pulpperf.throughput.sim.FaultPlan.Kind;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run leaves on the server when its fixtures or its cleanup meet faults: nothing when the
 * cleanup can work, and otherwise a count, the names and the requests that remove them. Faults
 * hit writes only (one client thread sends them in order, so a seed fixes which one fails).
 */
@DisplayName("Fixtures and cleanup under faults leave nothing behind, or say exactly what is left")
class FixtureAndCleanupFaultTest {
    @TempDir
    Path out;

    private static SimulatorConfig fastTasks() {
        return SimulatorConfig.defaults().withDefaultServiceTime("5ms");
    }

    private static long leftOf(SimulatedRun run) {
        return run.simulator.objectNames().stream().filter(n -> n.startsWith("tps-")).count();
    }

    @Test
    @DisplayName("Fixtures failing for good mid-way: the scenario fails, and the repositories made so far are deleted")
    void fixturesFailingForGoodLeaveNothingBehind() throws Exception {
        // One try per write; seed 9 lets five writes through, then fails the sixth with a 503.
        Limits oneTry = new Limits(Duration.ofSeconds(2), Duration.ofSeconds(5), 1, 5, Duration.ofSeconds(20));
        FaultPlan sixthFails = FaultPlan.of(0.5, Kind.SERVER_ERROR).withTargets(FaultPlan.Target.DISPATCH).withSeed(9);
        try (SimulatedRun run = new SimulatedRun(fastTasks(), out, oneTry)) {
            AtomicLong madeBeforeCleanup = new AtomicLong(-1);
            ScriptedPhases phases = new ScriptedPhases()
                    .at("Prepare fixtures", () -> run.simulator.setFaultPlan(sixthFails))
                    .at("Clean up", () -> {
                        madeBeforeCleanup.set(leftOf(run));
                        run.simulator.setFaultPlan(FaultPlan.none());
                    });
            assertThatThrownBy(() -> run.run(SimulatedRun.scenario("fixtures-fail", Workload.REPOSITORY_DELETE, 2, 30, 4), phases))
                    .isInstanceOf(PulpApiException.class).hasMessageContaining("but got 503").hasMessageEndingWith("(after 1 try)")
                    .satisfies(e -> assertThat(e.getSuppressed()).as("nothing left to report").isEmpty());
            assertThat(madeBeforeCleanup.get()).as("repositories made before the failure (and by creates then in flight), "
                    + "none started after it").isBetween(5L, 29L);
            assertThat(leftOf(run)).as("left after the cleanup").isZero();
            assertThat(run.console.toString(StandardCharsets.UTF_8)).doesNotContain("by hand");
        }
    }

    @Test
    @DisplayName("Deletes answered 503 during cleanup: the others go on, the failed ones are deleted in a later round")
    void aCleanupGoesOnPastFailedDeletes() throws Exception {
        Limits oneTry = new Limits(Duration.ofSeconds(2), Duration.ofSeconds(5), 1, 5, Duration.ofSeconds(20));
        // Seed 10: every other delete or so fails (.F.FF.F.FF...), none retried at once with one try.
        FaultPlan deletesFail = FaultPlan.of(0.5, Kind.SERVER_ERROR).withTargets(FaultPlan.Target.DISPATCH).withSeed(10);
        try (SimulatedRun run = new SimulatedRun(fastTasks(), out, oneTry)) {
            ScriptedPhases phases = new ScriptedPhases().at("Clean up", () -> run.simulator.setFaultPlan(deletesFail));
            ScenarioResult r = run.run(SimulatedRun.scenario("cleanup-503", Workload.DISTRIBUTION_CREATE, 2, 20, 4), phases);

            long failed = run.simulator.injectedFaults().get(Kind.SERVER_ERROR);
            assertThat(failed).isPositive();
            assertThat(r.problems()).isEmpty();
            Matcher note = Pattern.compile("Cleanup: 20 objects of the run deleted in (\\d+) rounds \\((\\d+) deletes failed and were "
                    + "tried again in a later round\\); nothing left\\.").matcher(String.join("\n", r.notes()));
            assertThat(note.find()).as("%s", r.notes()).isTrue();
            assertThat(Long.parseLong(note.group(2))).as("the failed deletes, as injected").isEqualTo(failed);
            assertThat(Integer.parseInt(note.group(1))).as("a round to delete, one for the failed, one that finds nothing")
                    .isGreaterThanOrEqualTo(3);
            assertThat(leftOf(run)).isZero();
        }
    }

    @Test
    @DisplayName("A timeout with creates still queued: the cleanup cancels them, deletes what exists, and nothing appears later")
    void aQueueLeftByATimeoutIsCanceledSoNothingIsCreatedAfterTheCleanup() throws Exception {
        // One worker, 500 ms a create: 30 queued creates need 15 s, three times the grace.
        Limits shortGrace = new Limits(Duration.ofSeconds(2), Duration.ofSeconds(5), 4, 5, Duration.ofSeconds(5));
        SimulatorConfig slowCreates = fastTasks().withWorkers(1).withServiceTime("general_create", "500ms");
        try (SimulatedRun run = new SimulatedRun(slowCreates, out, shortGrace)) {
            ScenarioResult r = run.run(SimulatedRun.scenario("queued", Workload.DISTRIBUTION_CREATE, 1, 30, 8)
                    .withTimeout(Duration.ofSeconds(1)));

            assertThat(r.finished()).isFalse();
            assertThat(r.metrics().unfinished()).as("left queued by the timeout").isGreaterThan(20);
            long canceled = run.client.tasks(java.util.Map.of("logging_cid", r.runId(), "state", "canceled", "limit", "1")).count();
            assertThat(canceled).as("the queued creates were canceled").isPositive();
            assertThat(r.problems()).noneMatch(p -> p.startsWith("cleanup failed"));
            Thread.sleep(1000);  // two creates' worth: a create that had not been stopped would have run by now
            assertThat(leftOf(run)).as("nothing of the run, then or now").isZero();
            assertThat(run.client.tasks(java.util.Map.of("logging_cid", r.runId(), "state__in", "waiting,running", "limit", "1"))
                    .count()).isZero();
        }
    }

    @Test
    @DisplayName("Deletes refused for good: after the bounded rounds, the count, the names and the DELETE requests, without credentials")
    void whatCannotBeDeletedIsNamedWithTheRequestsThatRemoveIt() throws Exception {
        Limits limits = new Limits(Duration.ofSeconds(2), Duration.ofSeconds(5), 2, 3, Duration.ofSeconds(30));
        FaultPlan everyDelete = FaultPlan.of(1.0, Kind.SERVER_ERROR).withTargets(FaultPlan.Target.DISPATCH);
        try (SimulatedRun run = new SimulatedRun(fastTasks(), out, limits)) {
            ScriptedPhases phases = new ScriptedPhases().at("Clean up", () -> run.simulator.setFaultPlan(everyDelete));
            ScenarioResult r = run.run(SimulatedRun.scenario("cleanup-refused", Workload.DISTRIBUTION_CREATE, 2, 6, 2), phases);

            String runName = "tps-" + r.runId().substring(0, 12) + "-";
            List<String> left = run.simulator.objectNames().stream().filter(n -> n.startsWith(runName)).toList();
            assertThat(left).hasSize(6);
            String problem = r.problems().stream().filter(p -> p.startsWith("cleanup failed")).findFirst().orElseThrow();
            assertThat(problem).startsWith("cleanup failed (remove objects named " + runName + "* by hand): 6 left after 3 rounds "
                    + "(last error: " + runName).contains("but got 503").contains("(after 2 tries)");
            left.forEach(name -> assertThat(problem).contains(name));
            assertThat(Pattern.compile("\n  curl -X DELETE -u \"\\$PULP_USERNAME:\\$PULP_PASSWORD\" '" + Pattern.quote(run.simulator.baseUrl())
                    + "/pulp/api/v3/distributions/file/file/[0-9a-f-]{36}/'").matcher(problem).results().count()).isEqualTo(6);
            assertThat(problem).contains("pulp file distribution destroy --name NAME")
                    .contains("'" + run.simulator.v3Root() + "distributions/file/file/?name__startswith=" + runName + "&fields=pulp_href,name'")
                    .doesNotContain(":password").doesNotContain("admin").doesNotContain("Basic ");
        }
    }
}
