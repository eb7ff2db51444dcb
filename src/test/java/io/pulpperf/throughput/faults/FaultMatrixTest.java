package io.pulpperf.throughput.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pulpperf.throughput.config.Limits;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.load.DispatchRecord;
import io.pulpperf.throughput.measure.RunMetrics;
import io.pulpperf.throughput.report.ScenarioSummary;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.run.ScriptedPhases;
import io.pulpperf.throughput.run.SimulatedRun;
import io.pulpperf.throughput.sim.FaultPlan;
import io.pulpperf.throughput.sim.FaultPlan.Kind;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix of issue 7: whole scenarios against a simulator that misbehaves from a given
 * phase on, each case asserting what the user sees (problems, counts, files, elapsed time).
 */
@DisplayName("Fault matrix: the suite survives a misbehaving Pulp")
class FaultMatrixTest {
    private static final Pattern READS = Pattern.compile("(\\d+) requests, (\\d+) of them retries");

    @TempDir
    Path out;

    private static SimulatorConfig fastTasks() {
        return SimulatorConfig.defaults().withDefaultServiceTime("5ms");
    }

    @Test
    @DisplayName("5xx bursts and resets on dispatch: errors by status, the run goes on, the rest measured, none lost")
    void dispatchErrorsAreCountedByStatusAndTheRestMeasured() throws Exception {
        FaultPlan burst = FaultPlan.of(0.3, Kind.SERVER_ERROR, Kind.CONNECTION_RESET).withTargets(FaultPlan.Target.DISPATCH)
                .withSeed(7);
        try (SimulatedRun run = new SimulatedRun(fastTasks(), out)) {
            ScriptedPhases phases = new ScriptedPhases()
                    .at("Dispatch", () -> run.simulator.setFaultPlan(burst))
                    .at("Wait", () -> run.simulator.setFaultPlan(FaultPlan.none()));
            ScenarioResult r = run.run(SimulatedRun.scenario("dispatch-faults", Workload.REPOSITORY_DELETE, 2, 100, 4), phases);

            Map<Integer, Long> byStatus = r.dispatch().byStatus();
            assertThat(byStatus).containsOnlyKeys(202, 503, -1);
            assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100);
            Map<Kind, Long> injected = run.simulator.injectedFaults();
            assertThat(byStatus.get(503)).as("503s, as injected").isEqualTo(injected.get(Kind.SERVER_ERROR));
            assertThat(byStatus.get(-1)).as("no answer (reset), as injected").isEqualTo(injected.get(Kind.CONNECTION_RESET));

            long accepted = byStatus.get(202);
            RunMetrics m = r.metrics();
            assertThat(r.finished()).isTrue();
            assertThat(m.submitted()).isEqualTo(accepted);
            assertThat(m.observed()).isEqualTo(accepted);
            assertThat(m.completed()).isEqualTo(accepted);
            assertThat(m.lost()).as("a failed dispatch is an error, never a lost task").isZero();
            assertThat(m.successRate()).isEqualTo(1.0);
            assertThat(m.throughput()).isNotNull();
            assertThat(r.problems()).contains("only " + accepted + " of 100 tasks were dispatched")
                    .anyMatch(p -> p.startsWith((100 - accepted) + " dispatch requests did not create a task: {-1=" + byStatus.get(-1)
                            + ", 202=" + accepted + ", 503=" + byStatus.get(503) + "}"));

            List<DispatchRecord> log = run.dispatchLog(r);
            assertThat(log).hasSize(100);
            assertThat(log).filteredOn(d -> d.status() == 503).allSatisfy(d -> assertThat(d.error()).isEqualTo("HTTP 503"));
            assertThat(log).filteredOn(d -> d.status() == -1).allSatisfy(d -> assertThat(d.error()).isNotBlank());
        }
    }

    @Test
    @DisplayName("5xx, 429 with Retry-After and read timeouts on status and task pages: retried, bounded, the retries shown")
    void readFaultsAreRetriedAndTheRetriesShow() throws Exception {
        // Seed 1755 puts all three kinds among the first four reads (a run always makes more), and
        // never more than three faults in a row in its first 400 decisions, so no read runs out of tries.
        FaultPlan reads = FaultPlan.of(0.3, Kind.SERVER_ERROR, Kind.TOO_MANY_REQUESTS, Kind.SLOW_ANSWER)
                .withTargets(FaultPlan.Target.READ).withRetryAfterSeconds(1).withSlowFor(Duration.ofSeconds(3)).withSeed(1755);
        Limits limits = new Limits(Duration.ofSeconds(2), Duration.ofMillis(500), 6, 5, Duration.ofMinutes(1));
        try (SimulatedRun run = new SimulatedRun(fastTasks(), out, limits)) {
            ScriptedPhases phases = new ScriptedPhases().at("Dispatch", () -> run.simulator.setFaultPlan(reads));
            ScenarioResult r = run.run(SimulatedRun.scenario("read-faults", Workload.REPOSITORY_DELETE, 2, 60, 4), phases);

            assertThat(r.problems()).isEmpty();
            assertThat(r.finished()).isTrue();
            assertThat(r.metrics().completed()).isEqualTo(60);
            assertThat(r.metrics().lost()).isZero();
            Map<Kind, Long> injected = run.simulator.injectedFaults();
            assertThat(injected).containsKeys(Kind.SERVER_ERROR, Kind.TOO_MANY_REQUESTS, Kind.SLOW_ANSWER);
            long faults = injected.values().stream().mapToLong(Long::longValue).sum();
            Matcher reported = READS.matcher(String.join(" ", r.notes()));
            assertThat(reported.find()).as("a note with the suite's reads and retries: %s", r.notes()).isTrue();
            assertThat(Long.parseLong(reported.group(2))).as("every injected read fault was retried once").isEqualTo(faults);
            assertThat(Long.parseLong(reported.group(1))).isGreaterThan(faults);
        }
    }

    @Test
    @DisplayName("Truncated JSON on task pages: retried; when every page is broken, a problem, not a crash")
    void malformedTaskPagesAreRetriedAndNeverCrashTheRun() throws Exception {
        Limits limits = new Limits(Duration.ofSeconds(2), Duration.ofSeconds(5), 3, 5, Duration.ofMinutes(1));
        try (SimulatedRun run = new SimulatedRun(fastTasks(), out, limits)) {
            FaultPlan sometimes = FaultPlan.of(0.3, Kind.MALFORMED_JSON).withTargets(FaultPlan.Target.READ).withSeed(5);
            ScenarioResult r = run.run(SimulatedRun.scenario("malformed-sometimes", Workload.REPOSITORY_DELETE, 2, 40, 4),
                    new ScriptedPhases().at("Dispatch", () -> run.simulator.setFaultPlan(sometimes)));
            assertThat(r.problems()).isEmpty();
            assertThat(r.metrics().completed()).isEqualTo(40);
            assertThat(run.simulator.injectedFaults().get(Kind.MALFORMED_JSON)).isPositive();

            FaultPlan always = FaultPlan.of(1.0, Kind.MALFORMED_JSON).withTargets(FaultPlan.Target.READ);
            ScenarioResult broken = run.run(SimulatedRun.scenario("malformed-always", Workload.REPOSITORY_DELETE, 2, 40, 4),
                    new ScriptedPhases().at("Collect", () -> run.simulator.setFaultPlan(always))
                            .at("Clean up", () -> run.simulator.setFaultPlan(FaultPlan.none())));
            assertThat(broken.finished()).as("the wait itself was fine").isTrue();
            assertThat(broken.problems())
                    .anyMatch(p -> p.startsWith("collecting the tasks failed part way: the task list answered with malformed JSON at line 1")
                            && p.endsWith("(after 3 tries)"))
                    .anyMatch(p -> p.startsWith("40 accepted tasks were not found, but collection did not finish"));
            assertThat(broken.dispatch().accepted()).isEqualTo(40);
            assertThat(run.dispatchLog(broken)).hasSize(40);
            assertThat(Files.readAllLines(broken.rawTasksCsv())).as("the header, then nothing collected").hasSize(1);
        }
    }

    @Test
    @DisplayName("Task rows without pulp_created or with state null: those tasks named as unreadable, the others measured")
    void brokenTaskRowsAreNamedAsUnreadable() throws Exception {
        // Every 10th task of the table: the 10th and 30th lose pulp_created, the 20th and 40th have state null.
        try (SimulatedRun run = new SimulatedRun(fastTasks().withFaults(FaultPlan.none().withBrokenTaskEvery(10)), out)) {
            ScenarioResult r = run.run(SimulatedRun.scenario("broken-rows", Workload.DISTRIBUTION_CREATE, 2, 40, 4));

            RunMetrics m = r.metrics();
            assertThat(m.submitted()).isEqualTo(40);
            assertThat(m.unreadable()).isEqualTo(4);
            assertThat(m.observed()).isEqualTo(36);
            assertThat(m.completed()).isEqualTo(36);
            assertThat(m.lost()).as("an unreadable task is on the server, so not lost").isZero();
            List<String> accepted = run.dispatchLog(r).stream().map(DispatchRecord::taskHref).toList();
            assertThat(m.unreadableRows()).hasSize(4)
                    .allSatisfy(row -> assertThat(accepted).anyMatch(href -> row.startsWith(href + " (")))
                    .filteredOn(row -> row.endsWith("(pulp_created missing)")).hasSize(2);
            assertThat(m.unreadableRows()).filteredOn(row -> row.endsWith("(state null)")).hasSize(2);
            assertThat(r.problems()).singleElement().asString()
                    .startsWith("4 tasks were found but their rows could not be read (not counted as lost), e.g. [");
            assertThat(Files.readAllLines(r.rawTasksCsv())).hasSize(1 + 36);
            assertThat(r.finished()).isTrue();
        }
    }

    @Test
    @DisplayName("The API gone for good mid-run: the wait fails fast with the last known count, partial data written and analysed")
    void anApiGoneForGoodFailsTheWaitFast() throws Exception {
        Limits limits = new Limits(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 3, Duration.ofMinutes(1));
        Duration timeout = Duration.ofSeconds(60);
        try (SimulatedRun run = new SimulatedRun(SimulatorConfig.defaults().withWorkers(1).withDefaultServiceTime("200ms"), out,
                limits)) {
            // Down once the wait's first poll was answered (the second poll has come in), so a count is known.
            ScriptedPhases phases = new ScriptedPhases().at("Wait", () -> afterRequests(run, 2, () -> run.simulator.setApiDown(true)));
            ScenarioResult r = run.run(SimulatedRun.scenario("api-gone", Workload.DISTRIBUTION_CREATE, 1, 30, 4).withTimeout(timeout),
                    phases);

            Instant waitStarted = phases.started("Wait");
            Duration waited = Duration.between(waitStarted, phases.started("Collect"));
            assertThat(waited).as("the wait gave up fast, not after the %s timeout", timeout).isLessThan(Duration.ofSeconds(15));
            assertThat(r.finished()).isFalse();
            String incomplete = r.problems().stream().filter(p -> p.startsWith("incomplete run: ")).findFirst().orElseThrow();
            Matcher last = Pattern.compile("the tasks API stopped answering after 3 failed polls in a row \\(last known unfinished: (\\d+)\\)")
                    .matcher(incomplete);
            assertThat(last.find()).as(incomplete).isTrue();
            assertThat(Integer.parseInt(last.group(1))).as("tasks still unfinished at the last good poll").isBetween(1, 30);
            assertThat(incomplete).contains("no answer from GET");
            assertThat(r.problems()).anyMatch(p -> p.startsWith("collecting the tasks failed part way: no answer from GET"))
                    .anyMatch(p -> p.startsWith("cleanup failed (remove objects named tps-"));

            assertThat(r.dispatch().accepted()).as("the dispatch side is analysed").isEqualTo(30);
            assertThat(r.metrics().submitted()).isEqualTo(30);
            assertThat(run.dispatchLog(r)).hasSize(30).allSatisfy(d -> assertThat(d.status()).isEqualTo(202));
            assertThat(r.rawTasksCsv()).exists();
            assertThat(ScenarioSummary.line(r)).endsWith("(INCOMPLETE)");
        }
    }

    @Test
    @DisplayName("Workers dying mid-run: the tasks left waiting are counted and named, the run marked incomplete")
    void workersDyingLeaveTasksCountedAndNamed() throws Exception {
        Limits limits = new Limits(Duration.ofSeconds(2), Duration.ofSeconds(5), 4, 5, Duration.ofSeconds(20));
        try (SimulatedRun run = new SimulatedRun(SimulatorConfig.defaults().withDefaultServiceTime("100ms"), out, limits)) {
            ScriptedPhases phases = new ScriptedPhases()
                    .at("Wait", () -> run.simulator.setWorkers(0))
                    .at("Clean up", () -> run.simulator.setWorkers(2));  // so the cleanup's own tasks can run
            ScenarioResult r = run.run(SimulatedRun.scenario("workers-die", Workload.REPOSITORY_DELETE, 2, 40, 8)
                    .withTimeout(Duration.ofSeconds(3)), phases);

            RunMetrics m = r.metrics();
            assertThat(r.finished()).isFalse();
            assertThat(m.unfinished()).as("left waiting when the workers went").isPositive();
            assertThat(m.byState()).containsEntry("waiting", m.unfinished());
            assertThat(m.completed() + m.unfinished()).isEqualTo(40);
            assertThat(m.lost()).isZero();
            List<String> accepted = run.dispatchLog(r).stream().map(DispatchRecord::taskHref).toList();
            assertThat(m.unfinishedHrefs()).hasSize((int) m.unfinished()).allSatisfy(h -> assertThat(accepted).contains(h));
            assertThat(r.problems()).anyMatch(p -> p.startsWith("incomplete run: timed out after ") && p.contains(
                    m.unfinished() + " tasks still unfinished, 0 workers online at the end"));
            assertThat(r.problems()).anyMatch(p -> p.startsWith(m.unfinished() + " tasks were still waiting or running when collected, e.g. ["));
            assertThat(Files.readAllLines(r.rawTasksCsv())).filteredOn(l -> l.contains(",waiting,")).hasSize((int) m.unfinished());
        }
    }

    @Test
    @DisplayName("A wait that times out: the partial measurement analysed, its files written, marked incomplete")
    void aTimedOutWaitIsAnalysedAndMarkedIncomplete() throws Exception {
        Limits limits = new Limits(Duration.ofSeconds(2), Duration.ofSeconds(5), 4, 5, Duration.ofSeconds(20));
        try (SimulatedRun run = new SimulatedRun(SimulatorConfig.defaults().withWorkers(1).withDefaultServiceTime("50ms"), out,
                limits)) {
            ScriptedPhases phases = new ScriptedPhases();
            Duration timeout = Duration.ofSeconds(1);
            ScenarioResult r = run.run(SimulatedRun.scenario("times-out", Workload.DISTRIBUTION_CREATE, 1, 40, 8).withTimeout(timeout),
                    phases);

            RunMetrics m = r.metrics();
            assertThat(r.finished()).isFalse();
            assertThat(r.problems()).anyMatch(p -> p.startsWith("incomplete run: timed out after "));
            assertThat(m.observed()).isEqualTo(40);
            assertThat(m.completed()).isBetween(1L, 39L);
            assertThat(m.throughput()).as("analysed from the tasks that did complete").isNotNull();
            assertThat(m.latency()).isNotEmpty();
            assertThat(Files.readAllLines(r.rawTasksCsv())).hasSize(1 + 40);
            assertThat(run.dispatchLog(r)).hasSize(40);
            assertThat(ScenarioSummary.text(r)).contains("(INCOMPLETE)").contains("problem:           incomplete run: timed out");
            assertThat(Duration.between(phases.started("Dispatch"), phases.started("Collect")))
                    .as("the wait ended at the timeout").isLessThan(timeout.plusSeconds(2));
        }
    }

    @Test
    @DisplayName("A server that neither echoes nor stores the Correlation-ID: tasks found by time window, and the report says so")
    void withoutCorrelationIdTheTimeWindowFindsTheRun() throws Exception {
        try (SimulatedRun run = new SimulatedRun(fastTasks().withEchoCorrelationId(false), out)) {
            ScenarioResult r = run.run(SimulatedRun.scenario("no-cid", Workload.REPOSITORY_DELETE, 2, 30, 4));

            assertThat(r.dispatch().cidEchoed()).isFalse();
            assertThat(r.notes()).anyMatch(n -> n.startsWith("the server did not echo the Correlation-ID, so tasks were found by "
                    + "pulp_created between ") && n.contains("server clock from Date headers") && n.contains("name containing general_delete"));
            assertThat(r.problems()).isEmpty();
            assertThat(r.metrics().observed()).isEqualTo(30);
            assertThat(r.metrics().completed()).isEqualTo(30);
            assertThat(r.metrics().lost()).isZero();
            assertThat(Files.readAllLines(r.rawTasksCsv()).stream().skip(1)).hasSize(30)
                    .noneMatch(line -> line.contains(r.runId()));
        }
    }

    /** Runs {@code action} once the simulator has received {@code n} more requests (waited for off this thread, bounded). */
    private static void afterRequests(SimulatedRun run, int n, Runnable action) {
        long target = run.simulator.requestCount() + n;
        CompletableFuture.runAsync(() -> {
            await("request " + target).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(1))
                    .until(() -> run.simulator.requestCount() >= target);
            action.run();
        });
    }
}
