package io.pulpperf.throughput.run;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.SuiteSettings;
import io.pulpperf.throughput.load.DispatchLogCsv;
import io.pulpperf.throughput.load.DispatchRecord;
import io.pulpperf.throughput.load.Dispatcher;
import io.pulpperf.throughput.load.Workload;
import io.pulpperf.throughput.load.Workloads;
import io.pulpperf.throughput.measure.RawTaskCsv;
import io.pulpperf.throughput.measure.RunAnalyzer;
import io.pulpperf.throughput.measure.RunAwaiter;
import io.pulpperf.throughput.measure.RunMetrics;
import io.pulpperf.throughput.measure.TaskCollector;
import io.pulpperf.throughput.pulp.PulpClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs one scenario end to end: workers, fixtures, dispatch, wait, collect, analyse, clean up.
 * Whatever happens after dispatch, the raw data collected so far is on disk and the result
 * carries the partial figures with the problem named.
 */
public final class ScenarioRunner {
    private static final int MAX_CONSECUTIVE_POLL_ERRORS = 5;

    private final SuiteSettings settings;
    private final PulpClient client;
    private final Dispatcher dispatcher;
    private final WorkerControl workers;
    private final PrintStream console;
    private final String targetLabel;

    /**
     * @param targetLabel how reports name the server, e.g. its URL or "embedded Pulp simulator (not a real Pulp)"
     */
    public ScenarioRunner(SuiteSettings settings, PulpClient client, Dispatcher dispatcher, WorkerControl workers,
                          PrintStream console, String targetLabel) {
        this.targetLabel = targetLabel;
        this.settings = settings;
        this.client = client;
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.console = console;
    }

    /** Thrown before any load when the worker count does not match and may not be changed. */
    public static final class WorkerMismatchException extends RuntimeException {
        public WorkerMismatchException(String message) {
            super(message);
        }
    }

    /**
     * Runs the scenario. Throws before dispatch when it cannot start (workers, fixtures); after
     * dispatch it always returns a result.
     */
    public ScenarioResult run(Scenario scenario, Phases phases) throws Exception {
        String runId = UUID.randomUUID().toString().replace("-", "");
        String runName = "tps-" + runId.substring(0, 12);
        Path dir = settings.outputDir().resolve(scenario.name());
        Workload workload = Workloads.of(scenario.workload());
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        notes.add(workload.note());

        int online = phases.phase("Bring " + scenario.workers() + " workers online", () -> workers.ensure(scenario.workers()));
        if (online != scenario.workers()) {
            String why = online + " workers are online but the scenario needs " + scenario.workers()
                    + (workers.canScale() ? " and scaling did not reach it" : " and the suite cannot scale this Pulp's workers");
            if (settings.onWorkerMismatch() == io.pulpperf.throughput.config.WorkerMismatch.SKIP) {
                throw new WorkerMismatchException(why + "; skipped (set -Dpulp.workers.mismatch=label to run it anyway)");
            }
            notes.add("Ran with " + online + " workers instead of " + scenario.workers() + ": " + why + ".");
        }
        phases.phase("Prepare fixtures (not measured)", () -> {
            workload.prepare(client, runName, scenario.tasks(), scenario.concurrency());
            return null;
        });

        Instant deadline = Instant.now().plus(scenario.timeout());
        List<DispatchRecord> records = phases.phase("Dispatch " + scenario.tasks() + " tasks with " + scenario.concurrency() + " clients",
                () -> dispatcher.run(runId, scenario.tasks(), scenario.concurrency(), seq -> workload.request(runName, seq), deadline));
        Path dispatchCsv = dir.resolve("dispatch.csv");
        DispatchLogCsv.write(dispatchCsv, records);
        DispatchSummary dispatch = DispatchSummary.of(records);
        List<String> accepted = records.stream().filter(DispatchRecord::accepted).map(DispatchRecord::taskHref).toList();
        if (records.size() < scenario.tasks()) problems.add("only " + records.size() + " of " + scenario.tasks() + " requests were sent before the timeout");
        if (dispatch.errors() > 0) problems.add(dispatch.errors() + " dispatch requests did not create a task: " + dispatch.byStatus());

        RunAwaiter awaiter = new RunAwaiter(client, settings.pollInterval(), MAX_CONSECUTIVE_POLL_ERRORS);
        Duration left = Duration.between(Instant.now(), deadline);
        RunAwaiter.Outcome wait = phases.phase("Wait until no task of the run is waiting or running",
                () -> left.isNegative() || left.isZero()
                        ? new RunAwaiter.Outcome(false, -1, 0, "no time left after dispatch")
                        : awaiter.awaitFinished(runId, left, new ProgressLine(scenario.name(), accepted.size(), 5_000, console)));
        if (!wait.finished()) problems.add("the wait ended early: " + wait.problem() + "; the figures are from an incomplete run");

        Path rawCsv = dir.resolve("tasks.csv");
        RunAnalyzer analyzer = new RunAnalyzer();
        RunMetrics metrics;
        try (RawTaskCsv raw = new RawTaskCsv(rawCsv)) {
            phases.phase("Collect the run's tasks page by page", () -> {
                int maxPages = accepted.size() / settings.pageSize() * 2 + 10;
                // Collection gets its own minute even after a timed-out wait: the data is what the run is for.
                TaskCollector.Collection c = new TaskCollector(client, settings.pageSize())
                        .collect(runId, analyzer.andThen(raw), Instant.now().plus(Duration.ofMinutes(1)).plus(
                                Duration.ofMillis(accepted.size())), maxPages);
                analyzer.addUnreadable(c.unreadable());
                return c;
            });
        } catch (RuntimeException | IOException e) {
            problems.add("collecting the tasks failed part way: " + e.getMessage());
        } finally {
            metrics = analyzer.result(accepted);
        }
        if (settings.cleanup()) {
            try {
                phases.phase("Clean up what the run created (not measured)", () -> {
                    // Its own correlation id: cleanup tasks are never counted, and the next scenario
                    // starts only once they are done, so they do not queue in front of its tasks.
                    String cleanupId = runId + "c";
                    int deleted = workload.cleanup(client.withCorrelationId(cleanupId), runName);
                    RunAwaiter.Outcome done = deleted == 0 ? null
                            : awaiter.awaitFinished(cleanupId, Duration.ofMinutes(2), n -> { });
                    if (done != null && !done.finished()) problems.add("cleanup tasks did not finish: " + done.problem());
                    return deleted;
                });
            } catch (RuntimeException e) {
                problems.add("cleanup failed (remove objects named " + runName + "-* by hand): " + e.getMessage());
            }
        }
        return new ScenarioResult(scenario, runId, online, dispatch, metrics, wait.finished(), problems, notes, rawCsv,
                dispatchCsv, targetLabel);
    }
}
