package io.pulpperf.throughput.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.Limits;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.run.ScriptedPhases;
import io.pulpperf.throughput.run.SimulatedRun;
import io.pulpperf.throughput.sim.FaultPlan;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No scenario outlives its timeout by more than the grace, however the API hangs. The grace is
 * configurable, so the bound is checked at a small scale: a 3 s timeout and 3 s of grace against
 * an API that holds every answer for a minute from the first dispatch on.
 */
@DisplayName("A hung API ends the scenario within timeout + grace")
class ScenarioTimeBoundTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Duration GRACE = Duration.ofSeconds(3);
    /** Thread scheduling and the local analysis after the last call. */
    private static final Duration SLACK = Duration.ofMillis(700);

    @TempDir
    Path out;

    @Test
    void aScenarioAgainstAHungApiEndsWithinItsTimeoutPlusTheGrace() throws Exception {
        FaultPlan hung = FaultPlan.of(1.0, FaultPlan.Kind.SLOW_ANSWER).withSlowFor(Duration.ofMinutes(1))
                .withTargets(FaultPlan.Target.DISPATCH, FaultPlan.Target.READ, FaultPlan.Target.LOGIN);
        Limits limits = new Limits(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 3, GRACE);
        try (SimulatedRun run = new SimulatedRun(SimulatorConfig.defaults().withDefaultServiceTime("5ms"), out, limits)) {
            ScriptedPhases phases = new ScriptedPhases().at("Dispatch", () -> run.simulator.setFaultPlan(hung));
            ScenarioResult r = run.run(SimulatedRun.scenario("hung", Workload.REPOSITORY_DELETE, 2, 50, 4).withTimeout(TIMEOUT),
                    phases);
            Instant returned = Instant.now();

            Duration took = Duration.between(phases.started("Dispatch"), returned);
            assertThat(took).as("from the first dispatch to the result").isLessThan(TIMEOUT.plus(GRACE).plus(SLACK));
            assertThat(r.finished()).isFalse();
            assertThat(r.dispatch().byStatus()).containsOnlyKeys(-1);
            assertThat(r.problems()).contains("only 0 of 50 tasks were dispatched before the timeout")
                    .anyMatch(p -> p.startsWith("incomplete run: no time left after dispatch"))
                    .anyMatch(p -> p.startsWith("collecting the tasks failed part way: no answer from GET"));
            assertThat(run.dispatchLog(r)).isNotEmpty().allSatisfy(d -> assertThat(d.error()).startsWith("no complete answer within"));
            assertThat(Files.readAllLines(r.rawTasksCsv())).hasSize(1);
        }
    }
}
