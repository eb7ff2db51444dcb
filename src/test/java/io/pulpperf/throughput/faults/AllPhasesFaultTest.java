package io.pulpperf.throughput.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.Limits;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.run.SimulatedRun;
import io.pulpperf.throughput.sim.FaultPlan;
import io.pulpperf.throughput.sim.FaultPlan.Kind;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A whole scenario behind a front that answers a fifth of all requests, of every method and
 * path, with 503, 429 (Retry-After), a reset connection or an answer held past the read timeout:
 * login, endpoint check, workers, fixtures, dispatch, wait, collection and cleanup all see
 * faults. The run must end within its bounds, keep its raw data and leave nothing behind.
 */
@DisplayName("Faults in every phase: the run ends in its bounds, keeps its data and leaves nothing behind")
class AllPhasesFaultTest {
    private static final double RATE = 0.2;
    /** In enum order, as the simulator draws them. */
    private static final List<Kind> KINDS = List.of(Kind.SERVER_ERROR, Kind.TOO_MANY_REQUESTS, Kind.CONNECTION_RESET,
            Kind.SLOW_ANSWER);
    /** Held past the read timeout, so a slow answer is no answer; at most twice it, so the cleanup's second look covers it. */
    private static final Duration SLOW = Duration.ofMillis(500);
    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    /** Eight tries: a read fails for good only after eight faults in a row (0.2^8, about 3 in a million). */
    private static final Limits LIMITS = new Limits(Duration.ofSeconds(2), READ_TIMEOUT, 8, 5, Duration.ofSeconds(20));
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration SLACK = Duration.ofSeconds(2);
    private static final int TASKS = 40;

    @TempDir
    Path out;

    /**
     * The plan for phase {@code index} (-1: the login): faults at {@link #RATE} on every request,
     * from the first seed at or above {@code 1000 * (index + 2)} whose first draw is a fault of
     * kind {@code KINDS[index]} (cycling), so each phase begins with a fault and all kinds occur.
     */
    static FaultPlan plan(int index) {
        Kind wanted = KINDS.get(Math.floorMod(index, KINDS.size()));
        for (long seed = 1000L * (index + 2); ; seed++) {
            Random r = new Random(seed);  // as the simulator decides: one double, then one int for the kind
            if (r.nextDouble() < RATE && KINDS.get(r.nextInt(KINDS.size())) == wanted) {
                return FaultPlan.of(RATE, KINDS.toArray(Kind[]::new))
                        .withTargets(FaultPlan.Target.DISPATCH, FaultPlan.Target.READ, FaultPlan.Target.LOGIN)
                        .withRetryAfterSeconds(1).withSlowFor(SLOW).withSeed(seed);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Workload.class, names = {"REPOSITORY_DELETE", "DISTRIBUTION_CREATE"})
    void aRunBehindAFaultingFrontEndsInItsBoundsAndLeavesNothingBehind(Workload workload) throws Exception {
        SimulatorConfig config = SimulatorConfig.defaults().withDefaultServiceTime("5ms").withFaults(plan(-1));
        try (SimulatedRun run = new SimulatedRun(config, out, LIMITS)) {
            PhaseFaults phases = new PhaseFaults(run, "Log in (before the scenario)", AllPhasesFaultTest::plan);
            ScenarioResult r = run.run(SimulatedRun.scenario("all-phases", workload, 2, TASKS, 4).withTimeout(TIMEOUT), phases);
            Instant returned = Instant.now();
            String table = phases.table();
            System.out.println("Faults and retries by phase, " + workload + ":\n" + table);
            io.qameta.allure.Allure.addAttachment("Faults and retries by phase", "text/plain", table, ".txt");

            assertThat(Duration.between(phases.started("Dispatch"), returned)).as("from the first dispatch to the result")
                    .isLessThan(TIMEOUT.plus(LIMITS.grace()).plus(SLACK));
            List<PhaseFaults.Count> counts = phases.counts();
            assertThat(counts).extracting(PhaseFaults.Count::phase).as("every phase ran").hasSize(8);
            boolean noFixtures = workload == Workload.DISTRIBUTION_CREATE;
            assertThat(counts).as("every phase, the login included, got faults:\n%s", table)
                    .filteredOn(c -> !(noFixtures && c.phase().startsWith("Prepare fixtures")))
                    .allSatisfy(c -> assertThat(c.totalFaults()).as(c.phase()).isPositive());
            if (noFixtures) {
                assertThat(counts).filteredOn(c -> c.phase().startsWith("Prepare fixtures")).singleElement()
                        .satisfies(c -> assertThat(c.requests()).as("distribution-create has no fixtures").isZero());
            }
            assertThat(run.simulator.injectedFaults()).as("all four kinds").containsOnlyKeys(KINDS);
            assertThat(run.simulator.injectedFaultsByMethod()).as("faults on every method the run uses")
                    .containsKeys("GET", "POST", "DELETE");
            assertThat(run.client.counter().retries()).isPositive();

            // The raw data are kept.
            assertThat(Files.readAllLines(r.dispatchCsv())).as("dispatch.csv: header and one row a request").hasSize(1 + TASKS);
            long accepted = r.dispatch().accepted();
            assertThat(accepted).as("most dispatches got through").isGreaterThan(TASKS / 2);
            assertThat(Files.readAllLines(r.rawTasksCsv()).size() - 1).as("tasks.csv rows").isGreaterThanOrEqualTo((int) accepted);
            assertThat(r.finished()).isTrue();
            assertThat(r.metrics().lost()).as("every accepted task was collected").isZero();
            assertThat(r.problems()).as("only the dispatch faults (not retried by design) are problems")
                    .allSatisfy(p -> assertThat(p).matches("only \\d+ of 40 tasks were dispatched|\\d+ dispatch requests did not create a task: .*"));

            // Nothing of the run is left: read from the simulator's state, once every held request has been handled.
            Thread.sleep(SLOW.plusMillis(300).toMillis());
            String runName = "tps-" + r.runId().substring(0, 12) + "-";
            assertThat(run.simulator.objectNames()).as("objects left on the server").noneMatch(n -> n.startsWith(runName))
                    .noneMatch(n -> n.startsWith("tps-"));
            List<String> messages = new ArrayList<>(r.problems());
            messages.addAll(r.notes());
            messages.add(run.console.toString(StandardCharsets.UTF_8));
            assertThat(messages).noneMatch(m -> m.toLowerCase(java.util.Locale.ROOT).contains("by hand"));
            assertThat(r.notes()).anyMatch(n -> n.startsWith("Cleanup: ") && n.endsWith("nothing left."));
        }
    }
}
