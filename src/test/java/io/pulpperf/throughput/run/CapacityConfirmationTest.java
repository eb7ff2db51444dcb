package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.SearchSettings;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.report.CapacityTable;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capacity search's confirmation step on the simulator (issue 21): with a fixed service time
 * the sustained rate holds from a standing queue; with a service time that grows with the queue
 * (sim.serviceTime.perWaiting) it was sustained only from an empty queue, and the verdict says so.
 */
@DisplayName("capacity search: the confirmation step from a standing queue")
class CapacityConfirmationTest {
    /** Rising 20, 40, 80, 160 tasks/s, then 3 bisections; the confirmation holds the sustained rate 2 x 1.5 s. */
    private static final SearchSettings SEARCH = new SearchSettings(20, 2, 200, Duration.ofMillis(1500), 3, null, SearchSettings.DEFAULT_TOLERANCE);
    @TempDir
    Path out;

    private CapacityResult search(SimulatorConfig sim, SearchSettings settings) throws Exception {
        try (SimulatedRun run = new SimulatedRun(sim, out)) {
            Scenario scenario = SimulatedRun.scenario("confirm", Workload.REPOSITORY_DELETE, 2, 1, 8).withSearch(settings);
            ScenarioResult r = run.run(scenario);
            CapacityResult c = r.capacity();
            System.out.println(c.steps().stream().map(CapacitySearch::line).collect(Collectors.joining("\n", "\n", "\n"))
                    + "confirmation " + c.confirmation() + "\n" + CapacityTable.sentence(c));
            assertThat(r.problems()).as("problems").isEmpty();
            return c;
        }
    }

    @Test
    @DisplayName("fixed 20 ms on 2 workers: the sustained rate holds from the last saturated step's queue")
    void fixedServiceTimeIsConfirmed() throws Exception {
        CapacityResult c = search(SimulatorConfig.defaults().withDefaultServiceTime("20ms"), SEARCH);
        long deepest = c.steps().stream().filter(s -> s.verdict() == CapacityStep.Verdict.SATURATED)
                .mapToLong(CapacityStep::waitingAtEnd).max().orElseThrow();
        assertThat(c.confirmation()).isNotNull();
        assertThat(c.confirmation().rate()).isEqualTo(c.sustainedStep().targetRate());
        // The queue stood when it began: at least half as deep as the deepest a saturated step left (workers drain it meanwhile).
        assertThat(c.confirmation().waitingAtStart()).isGreaterThanOrEqualTo(Math.max(1, deepest / 2));
        assertThat(c.confirmation().keptUp()).as("confirmation %s", c.confirmation()).isTrue();
        assertThat(CapacityTable.sentence(c)).contains("; confirmed with a standing queue: ");
    }

    @Test
    @DisplayName("10 ms + 0.5 ms per waiting task: sustained from empty, not with a standing queue; capacity moved")
    void growingServiceTimeIsNotConfirmed() throws Exception {
        // 10 ms from an empty queue (200/s on 2 workers): 40 and 100/s are kept up with a wide margin even on a loaded
        // machine, 250/s (25% over the empty-queue capacity; 200/s, exactly at it, sometimes kept up) surely saturates and
        // leaves a deep queue where each task runs far slower (10 ms + 0.5 ms per waiting task); no bisection, so the knee
        // is that step. 1 s steps and a 1 s confirmation keep the queue, and so each drain, short: the slowdown
        // feeds on itself (a 1.5 s step at 250/s left ~200 waiting, each task then ran ~110 ms and the drain timed out).
        SearchSettings clearCut = new SearchSettings(40, 2.5, 250, Duration.ofMillis(1000), 0, null, SearchSettings.DEFAULT_TOLERANCE,
                Duration.ofSeconds(1));
        CapacityResult c = search(SimulatorConfig.defaults().withDefaultServiceTime("10ms").withServiceTime("perWaiting", "500us"), clearCut);
        assertThat(c.confirmation()).isNotNull();
        assertThat(c.confirmation().waitingAtStart()).isPositive();
        assertThat(c.confirmation().keptUp()).as("confirmation %s", c.confirmation()).isFalse();
        assertThat(c.confirmation().waitingAtEnd()).isGreaterThan(c.confirmation().waitingAtStart());
        assertThat(CapacityTable.sentence(c)).contains("; sustained from empty, not with a standing queue: at ")
                .contains("the target's capacity moved during the search").contains(": a standing queue slowed each task");
    }

    @Test
    @DisplayName("confirm: 0 runs no confirmation step")
    void confirmZeroIsOff() throws Exception {
        SearchSettings off = new SearchSettings(20, 2, 200, Duration.ofMillis(1500), 1, null, SearchSettings.DEFAULT_TOLERANCE, Duration.ZERO);
        assertThat(search(SimulatorConfig.defaults().withDefaultServiceTime("20ms"), off).confirmation()).isNull();
    }
}
