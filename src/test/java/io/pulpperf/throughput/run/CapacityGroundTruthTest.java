package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.SearchSettings;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The capacity search against a server whose capacity is known exactly (issue 14): W workers of
 * fixed service time s complete at most W/s tasks per second with distinct locks, and 1/s in the
 * serialized lane whatever W. Found through the whole pipeline (fixtures, open-model dispatch over
 * HTTP, each step's tasks by its own Correlation-ID, rates from the server's timestamps): the
 * sustained rate within 5% of it and the saturation rate within 2%, never more than one rising step
 * above it, and nothing the steps created left behind.
 *
 * <p>Steps are short (1.5 s) so the class runs in well under two minutes; the simulator stamps its
 * tasks with exact times, so the figures do not depend on how busy this machine is, only the
 * dispatcher's pacing does, and the tolerance (3%) is for that.
 */
class CapacityGroundTruthTest {
    private static final Duration STEP = Duration.ofMillis(1500);

    @TempDir
    Path out;

    /** Rising 10, 20, 40, 80 tasks/s, then 5 bisections: a resolution of 40 / 32 = 1.25 tasks/s. */
    private static SearchSettings search(Duration maxP95Wait) {
        return new SearchSettings(10, 2, 200, STEP, 5, maxP95Wait, SearchSettings.DEFAULT_TOLERANCE);
    }

    private CapacityResult search(SimulatorConfig sim, Workload workload, int workers, Duration maxP95Wait, List<String> leftBehind)
            throws Exception {
        try (SimulatedRun run = new SimulatedRun(sim, out)) {
            Scenario scenario = SimulatedRun.scenario("capacity-" + workload.key() + "-" + workers + "w", workload, workers, 1, 8)
                    .withSearch(search(maxP95Wait));
            long t0 = System.nanoTime();
            ScenarioResult r = run.run(scenario, new Phases() {
                @Override
                public <T> T phase(String name, java.util.concurrent.Callable<T> body) throws Exception {
                    T value = body.call();
                    System.out.printf("%s: %s (at %.1f s)%n", scenario.name(), name, (System.nanoTime() - t0) / 1e9);
                    return value;
                }
            });
            System.out.println(table(r.capacity()));
            assertThat(r.problems()).as("problems").isEmpty();
            assertThat(r.capacity()).isNotNull();
            String runName = "tps-" + r.runId().substring(0, 12) + "-";
            leftBehind.addAll(run.client.hrefsByNamePrefix("repositories/file/file/", runName));
            leftBehind.addAll(run.client.hrefsByNamePrefix("distributions/file/file/", runName));
            for (CapacityStep s : r.capacity().steps()) {
                // Attribution by the step's own Correlation-ID is exact: every request's task, no other.
                assertThat(s.tasks()).as("step %d's tasks on the server", s.number()).isEqualTo(s.requests());
            }
            return r.capacity();
        }
    }

    private static String table(CapacityResult c) {
        return c.steps().stream().map(CapacitySearch::line).collect(Collectors.joining("\n", "\n", "\n" + c.end()
                + "\n" + io.pulpperf.throughput.report.CapacityTable.sentence(c)));
    }

    @ParameterizedTest(name = "{0} workers of {1} ms, distinct locks: W/s found")
    @CsvSource({"1, 30", "2, 40", "4, 60"})
    void findsTheCapacityOfWorkersWithDistinctLocks(int workers, int serviceMillis) throws Exception {
        double capacity = workers * 1000.0 / serviceMillis;
        List<String> leftBehind = new java.util.ArrayList<>();
        CapacityResult c = search(SimulatorConfig.defaults().withDefaultServiceTime(serviceMillis + "ms"),
                Workload.REPOSITORY_DELETE, workers, null, leftBehind);
        assertFound(c, capacity);
        assertThat(leftBehind).as("repositories left behind").isEmpty();
    }

    @Test
    void findsTheSerializedLaneWhateverTheWorkers() throws Exception {
        List<String> leftBehind = new java.util.ArrayList<>();
        CapacityResult c = search(SimulatorConfig.defaults().withDefaultServiceTime("20ms"), Workload.DISTRIBUTION_CREATE, 4, null,
                leftBehind);
        assertFound(c, 50);
        assertThat(leftBehind).as("distributions left behind").isEmpty();
    }

    private static void assertFound(CapacityResult c, double capacity) {
        String steps = table(c);
        assertThat(c.sustainedRate()).as("sustained rate; steps:%s", steps).isNotNull().isCloseTo(capacity, withPercentage(5));
        assertThat(c.saturatedRate()).as("saturation rate; steps:%s", steps).isNotNull().isCloseTo(capacity, withPercentage(2));
        List<CapacityStep> rising = c.steps().stream().filter(CapacityStep::rising).toList();
        double above = capacity * (1 + SearchSettings.DEFAULT_TOLERANCE);
        assertThat(rising.subList(0, rising.size() - 1)).as("rising steps before the last; steps:%s", steps)
                .allMatch(s -> s.targetRate() <= above);
        double highest = rising.get(rising.size() - 1).targetRate();
        assertThat(highest).as("the one rising step above capacity").isGreaterThan(above);
        assertThat(c.steps()).as("no step offers more than the first one above capacity; steps:%s", steps)
                .allMatch(s -> s.targetRate() <= highest);
        assertThat(c.steps()).extracting(CapacityStep::verdict).doesNotContain(CapacityStep.Verdict.FAULTED);
    }

    /**
     * Exponential service times (mean 20 ms, one worker: 50 tasks/s) make the queue wait rise
     * smoothly below capacity, as on a real Pulp. With p95 wait limited to 50 ms, D/M/1 queueing
     * predicts the limit is reached near 29.5 tasks/s (steps from an empty queue wait a little less):
     * the search must find about that, keep every accepted step under the limit, and bisect to where
     * the wait crosses it.
     */
    @Test
    void aWaitLimitBelowWhatCapacityAllowsLowersTheSustainedRate() throws Exception {
        Duration limit = Duration.ofMillis(50);
        CapacityResult c = search(SimulatorConfig.defaults().withDefaultServiceTime("exp:20ms"), Workload.REPOSITORY_DELETE, 1,
                limit, new java.util.ArrayList<>());
        String steps = table(c);
        assertThat(c.sustainedRate()).as("sustained rate; steps:%s", steps).isNotNull().isBetween(29.5 * 0.6, 29.5 * 1.4);
        long limitMicros = limit.toNanos() / 1000;
        assertThat(c.steps().stream().filter(CapacityStep::keptUp)).as("kept-up steps; steps:%s", steps)
                .allMatch(s -> s.p95WaitMicros() < limitMicros);
        // The lowest rate rejected is rejected for its wait, and lies within the bisection's resolution of the sustained one.
        CapacityStep lowestRejected = c.steps().stream().filter(s -> !s.keptUp())
                .min(java.util.Comparator.comparingDouble(CapacityStep::targetRate)).orElseThrow();
        assertThat(lowestRejected.p95WaitMicros()).as("p95 wait of the lowest rate rejected; steps:%s", steps)
                .isGreaterThanOrEqualTo(limitMicros);
        double best = c.steps().stream().filter(CapacityStep::keptUp).mapToDouble(CapacityStep::targetRate).max().orElseThrow();
        assertThat(lowestRejected.targetRate() - best).as("bisection resolution; steps:%s", steps).isLessThanOrEqualTo(40.0 / 32 + 1e-9);
    }
}
