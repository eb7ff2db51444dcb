package io.pulpperf.throughput.run;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Shape;
import io.pulpperf.throughput.config.SuiteSettings;
import io.pulpperf.throughput.config.WorkerMismatch;
import io.pulpperf.throughput.load.DispatchLogCsv;
import io.pulpperf.throughput.load.DispatchRecord;
import io.pulpperf.throughput.load.Dispatcher;
import io.pulpperf.throughput.load.Workload;
import io.pulpperf.throughput.load.Workloads;
import io.pulpperf.throughput.measure.DisruptionTasks;
import io.pulpperf.throughput.measure.RawTaskCsv;
import io.pulpperf.throughput.measure.IngestionTally;
import io.pulpperf.throughput.measure.RunAnalyzer;
import io.pulpperf.throughput.measure.RunAwaiter;
import io.pulpperf.throughput.measure.RunMetrics;
import io.pulpperf.throughput.measure.TaskCollector;
import io.pulpperf.throughput.pulp.CorrelationIds;
import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.pulp.RequestCounter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Runs one scenario end to end: endpoint check, workers, fixtures, dispatch, wait, collect,
 * analyse, clean up. Whatever happens after dispatch, the raw data collected so far is on disk
 * and the result carries the partial figures with the problem named.
 */
public final class ScenarioRunner {
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
        this.settings = settings;
        this.client = client;
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.console = console;
        this.targetLabel = targetLabel;
    }

    /** Thrown before any load when the worker count does not match and may not be changed. */
    public static final class WorkerMismatchException extends RuntimeException {
        public WorkerMismatchException(String message) {
            super(message);
        }
    }

    /**
     * Where a scenario's files go: {@code dispatch.csv}, {@code tasks.csv}. Emptied when the
     * scenario starts, so whatever is there afterwards was written by its latest run.
     */
    public Path outputDir(Scenario scenario) {
        return outputDir(scenario, 1);
    }

    /**
     * Where one round's files go (repeat: k): round 1 where a single run's go, each later round in
     * {@code round-N/} beneath it, so no round overwrites another's raw data.
     */
    public Path outputDir(Scenario scenario, int round) {
        Path dir = settings.outputDir().resolve(scenario.name());
        return round <= 1 ? dir : dir.resolve("round-" + round);
    }

    /**
     * Runs the scenario. Throws before dispatch when it cannot start (endpoint, workers,
     * fixtures); after dispatch it returns a result, unless the suite itself fails (a bug, a full
     * disk), and then what was measured so far is on disk in {@link #outputDir(Scenario)}. Once
     * fixtures are begun, what the run created is removed however it ends (see {@link RunCleanup}).
     */
    public ScenarioResult run(Scenario scenario, Phases phases) throws Exception {
        return run(scenario, phases, 1);
    }

    /** Runs one round of a scenario (1-based); its files go to {@link #outputDir(Scenario, int)}. */
    public ScenarioResult run(Scenario scenario, Phases phases, int round) throws Exception {
        String runId = CorrelationIds.newRun();
        String runName = "tps-" + runId.substring(0, 12);
        Path dir = outputDir(scenario, round);
        RunArtifacts.clear(dir);
        // Round 1 starts the scenario's run: later rounds' folders left by an earlier run go too.
        if (round <= 1) RunArtifacts.clearRounds(dir);
        RequestCounter.Count readsBefore = client.counter().count();
        Workload workload = Workloads.of(scenario, settings.target());
        boolean backlog = scenario.shape() == Shape.BACKLOG;
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (scenario.shape() == Shape.FLEET) {
            // No tasks, no fixtures: worker counts held and watched (issue 20); it scales back itself.
            if (!workers.canScale()) {
                throw new WorkerMismatchException("the fleet shape scales workers through its counts, but the suite cannot scale "
                        + "this Pulp's workers; skipped (set -Dpulp.workers.scaleCommand)");
            }
            return new FleetRun(client, workers, console, targetLabel).run(scenario, phases, runId, dir, problems, new ArrayList<>());
        }
        notes.add(workload.note());

        phases.phase("Check that the workload's endpoint exists", () -> {
            workload.preflight(client);
            return null;
        });
        int online;
        if (backlog) {
            if (!workers.canScale()) {
                throw new WorkerMismatchException("the backlog shape scales workers to 0 and back, but the suite cannot scale "
                        + "this Pulp's workers; skipped (set -Dpulp.workers.scaleCommand)");
            }
            online = phases.phase("Scale workers to 0 (backlog: tasks queue up first)", () -> workers.ensure(0));
            if (online != 0) throw new WorkerMismatchException(online + " workers stayed online after scaling to 0; skipped");
        } else {
            online = phases.phase("Bring " + scenario.workers() + " workers online", () -> workers.ensure(scenario.workers()));
            checkWorkers(scenario, online, notes);
        }
        // From here on the run may leave objects behind: they are removed however it ends.
        ScenarioResult result = null;
        DispatchedIds dispatched = new DispatchedIds();
        Instant hardStop = null;
        Throwable failure = null;
        try {
            if (scenario.shape() == Shape.SEARCH) {
                // Fixtures per step, its own loop: see CapacitySearch (issue 14). The same bounds and cleanup.
                Instant deadline = Instant.now().plus(scenario.timeout());
                hardStop = deadline.plus(settings.limits().grace());
                result = new CapacitySearch(settings, client, dispatcher, console, targetLabel)
                        .run(scenario, phases, runId, runName, dir, workload, online, deadline, hardStop, dispatched, problems, notes);
                return result;
            }
            phases.phase("Prepare fixtures (not measured)", () -> {
                workload.prepare(client, runName, scenario.tasks(), scenario.concurrency());
                return null;
            });

            Instant deadline = Instant.now().plus(scenario.timeout());
            // Collection and cleanup fit in the grace (a minute by default), so no scenario outlives its timeout by more.
            hardStop = deadline.plus(settings.limits().grace());
            dispatched.dispatching(runId);
            try (RunArtifacts files = new RunArtifacts()) {
                result = measure(scenario, phases, runId, runName, dir, workload, backlog, online, deadline, hardStop, files,
                        problems, notes);
            }
            return result;
        } catch (Exception | Error e) {
            failure = e;
            throw e;
        } finally {
            if (settings.cleanup()) {
                // Without fixtures ready there is no hard stop yet: the cleanup gets the grace from now.
                Instant bound = hardStop != null ? hardStop : Instant.now().plus(settings.limits().grace());
                String left = cleanup(workload, runId, runName, phases, result, dispatched, bound, notes);
                if (left != null) report(left, result, failure, problems);
            }
            if (result != null) notes.add(requestsNote(readsBefore));
        }
    }

    /** What the cleanup could not remove, where the user sees it: the result's problems, or the console next to the failure. */
    private void report(String left, ScenarioResult result, Throwable failure, List<String> problems) {
        if (result != null) {
            problems.add(left);
            return;
        }
        console.println(left);
        if (failure != null) failure.addSuppressed(new IllegalStateException(left));
    }

    private String requestsNote(RequestCounter.Count before) {
        RequestCounter.Count reads = client.counter().count().minus(before);
        return "The suite's own requests besides dispatch (status, task pages, lists, fixtures, cleanup): " + reads.requests()
                + " requests, " + reads.retries() + " of them retries after 5xx, 429, malformed answers or no answer (at most "
                + settings.limits().readTries() + " tries each).";
    }

    private ScenarioResult measure(Scenario scenario, Phases phases, String runId, String runName, Path dir, Workload workload,
                                   boolean backlog, int onlineBefore, Instant deadline, Instant hardStop, RunArtifacts files,
                                   List<String> problems, List<String> notes) throws Exception {
        // After dispatch every call of the suite ends by the hard stop, however the server behaves.
        PulpClient api = client.until(hardStop);
        String load = scenario.isOpenModel() ? scenario.rate() + " requests/s (open model, at most " + scenario.concurrency()
                + " in flight)" : scenario.concurrency() + " clients (closed model)";
        Path dispatchCsv = dir.resolve("dispatch.csv");
        DispatchLogCsv dispatchLog = files.track(new DispatchLogCsv(dispatchCsv));
        // Issue 28: the disruptions run from the start of dispatch until the wait ends (or the deadline).
        DisruptionSchedule disruptions = scenario.disruptions().isEmpty() ? null
                : new DisruptionSchedule(scenario.disruptions(), api, RunFilter.byCorrelationId(runId).params(),
                        DisruptionSchedule.baseUrl(settings.target().baseUrl()), settings.target().credentials().secrets(), settings.pollInterval(), console);
        if (disruptions != null) disruptions.start(Instant.now(), deadline);
        try {
            return measureRun(scenario, phases, runId, runName, dir, workload, backlog, onlineBefore, deadline, hardStop, files, problems, notes,
                    api, dispatchCsv, dispatchLog, load, disruptions);
        } finally {
            if (disruptions != null) disruptions.stop();
        }
    }

    private ScenarioResult measureRun(Scenario scenario, Phases phases, String runId, String runName, Path dir, Workload workload,
                                      boolean backlog, int onlineBefore, Instant deadline, Instant hardStop, RunArtifacts files,
                                      List<String> problems, List<String> notes, PulpClient api, Path dispatchCsv,
                                      DispatchLogCsv dispatchLog, String load, DisruptionSchedule disruptions) throws Exception {
        int online = onlineBefore;
        List<DispatchRecord> records = phases.phase("Dispatch " + scenario.tasks() + " tasks at " + load,
                () -> dispatcher.run(runId, scenario.tasks(), scenario.concurrency(), scenario.rate(),
                        seq -> workload.request(runName, seq), deadline, dispatchLog));
        dispatchLog.close();
        DispatchSummary dispatch = DispatchSummary.of(records);
        Collection<String> acceptedHrefs = hrefsOf(records);
        long acceptedWithoutHref = records.stream().filter(r -> r.taskHref() == null).mapToLong(DispatchRecord::tasks).sum();
        if (dispatch.tasks() < scenario.tasks()) {
            problems.add("only " + dispatch.tasks() + " of " + scenario.tasks() + " tasks were dispatched"
                    + (Instant.now().isBefore(deadline) ? "" : " before the timeout"));
        }
        if (dispatch.errors() > 0) {
            String example = records.stream().filter(r -> r.error() != null).map(DispatchRecord::error).findFirst().orElse("");
            problems.add(dispatch.errors() + " dispatch requests did not create a task: " + dispatch.byStatus() + " (first: " + example + ")");
        }
        RunFilter filter = dispatch.cidEchoed() ? RunFilter.byCorrelationId(runId)
                : RunFilter.byTimeWindow(records, workload.taskNameContains());
        notes.add(filter.description() + ".");

        Runnable nudge = () -> nudge(api, workload, runId, runName, notes, problems);
        if (backlog) {
            online = phases.phase("Scale workers to " + scenario.workers() + " and start the drain", () -> workers.ensure(scenario.workers()));
            checkWorkers(scenario, online, notes);
            notes.add("Backlog: all tasks were queued with 0 workers; the drain began when " + online + " workers were online.");
            // Pulp (seen on 3.105) leaves a queue built with no worker online asleep until another dispatch.
            nudge.run();
        }

        RunAwaiter awaiter = new RunAwaiter(api, settings.pollInterval(), settings.limits().failedPolls(), settings.stallPeriod());
        Duration left = Duration.between(Instant.now(), deadline);
        RunAwaiter.Outcome wait = phases.phase("Wait until no task of the run is waiting or running",
                () -> left.isNegative() || left.isZero()
                        ? new RunAwaiter.Outcome(false, -1, 0, "no time left after dispatch", List.of())
                        : awaiter.awaitFinished(filter.params(), left,
                                new ProgressLine(scenario.name(), dispatch.tasks(), 5_000, console), backlog ? nudge : () -> { }));
        problems.addAll(wait.stalls());
        if (!wait.finished()) problems.add("incomplete run: " + wait.problem());
        List<DisruptionRun> disrupted = disruptions == null ? List.of() : disruptions.stop();
        for (DisruptionRun d : disrupted) if (d.problem() != null) problems.add("disruption " + d.disruption().name() + ": " + d.problem());
        if (disruptions != null && disruptions.failedWorkerReads() > 0) {
            notes.add(disruptions.failedWorkerReads() + " reads of workers/ failed while the disruptions went on: the workers that left "
                    + "and joined are known only from the reads that answered.");
        }
        DisruptionTasks disruptionTasks = new DisruptionTasks();

        Path rawCsv = dir.resolve("tasks.csv");
        RunAnalyzer analyzer = new RunAnalyzer();
        IngestionTally ingestion = new IngestionTally();  // plan 0002's figure: tasks created per second (issue 20)
        RunMetrics metrics;
        boolean collected = false;
        try {
            RawTaskCsv raw = files.track(new RawTaskCsv(rawCsv));
            collected = phases.phase("Collect the run's tasks page by page", () -> {
                int maxPages = (int) Math.min(Integer.MAX_VALUE, dispatch.tasks() / settings.pageSize() * 2 + 10);
                new TaskCollector(api, settings.pageSize())
                        .collect(filter.params(), analyzer.andThen(raw).andThen(ingestion).andThen(disruptionTasks), analyzer::acceptUnreadable,
                                hardStop, maxPages);
                if (Instant.now().isAfter(hardStop)) {
                    problems.add("collection stopped at the time limit: the figures are partial");
                    return false;
                }
                return true;
            });
            raw.close();
        } catch (RuntimeException | IOException e) {
            problems.add("collecting the tasks failed part way: " + e.getMessage());
        } finally {
            metrics = analyzer.result(acceptedHrefs, acceptedWithoutHref);
        }
        if (!collected && metrics.lost() > 0) {
            problems.add(metrics.lost() + " accepted tasks were not found, but collection did not finish: they may be on the "
                    + "server, so the lost count is an upper bound");
        }
        if (metrics.unreadable() > 0) {
            problems.add(metrics.unreadable() + " tasks were found but their rows could not be read (not counted as lost), e.g. "
                    + metrics.unreadableRows());
        }
        if (metrics.unfinished() > 0) {
            problems.add(metrics.unfinished() + " tasks were still waiting or running when collected, e.g. " + metrics.unfinishedHrefs());
        }
        IngestionResult ingested = scenario.workload() == io.pulpperf.throughput.config.Workload.TASK_INGESTION
                ? IngestionResult.of(ingestion, records, scenario.concurrency()) : null;
        List<DisruptionResult> disruptionResults = disruptions == null ? List.of()
                : DisruptionResults.of(disrupted, disruptionTasks, disruptions.workers(), records, metrics.firstCreated(), online);
        long duringDisruptions = disruptionResults.stream().mapToLong(DisruptionResult::dispatchErrors).sum();
        if (duringDisruptions > 0 && duringDisruptions == dispatch.errors()) {
            // Every dispatch error came while a disruption went on: its cost, shown with it, not a problem of the run.
            String line = problems.stream().filter(p -> p.contains(" dispatch requests did not create a task")).findFirst().orElse(null);
            if (line != null) {
                problems.remove(line);
                notes.add("While disruptions went on, " + line + ".");
            }
            // The requests were all sent: the tasks missing are those the disruptions refused.
            String shortfall = "only " + dispatch.tasks() + " of " + scenario.tasks() + " tasks were dispatched";
            if (dispatch.tasks() + duringDisruptions == scenario.tasks() && problems.remove(shortfall)) {
                notes.add("Only " + dispatch.tasks() + " of " + scenario.tasks() + " tasks were dispatched: the other "
                        + duringDisruptions + " requests came while a disruption went on and created none.");
            }
        }
        return new ScenarioResult(scenario, runId, online, dispatch, metrics, wait.finished(), problems, notes, rawCsv,
                dispatchCsv, targetLabel, null, null, ingested, disruptionResults);
    }
    /**
     * The task hrefs of the accepted requests, read from the records when iterated rather than
     * copied: a million hrefs as strings would take ~100 MB of the heap for the whole run.
     */
    public static Collection<String> hrefsOf(List<DispatchRecord> records) {
        int n = (int) records.stream().filter(r -> r.taskHref() != null).count();
        return new java.util.AbstractCollection<>() {
            @Override
            public java.util.Iterator<String> iterator() {
                return records.stream().map(DispatchRecord::taskHref).filter(h -> h != null).iterator();
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    private void checkWorkers(Scenario scenario, int online, List<String> notes) {
        if (online == scenario.workers()) return;
        String why = online + " workers are online but the scenario needs " + scenario.workers()
                + (workers.canScale() ? " and scaling did not reach it" : " and the suite cannot scale this Pulp's workers");
        if (settings.onWorkerMismatch() == WorkerMismatch.SKIP) {
            throw new WorkerMismatchException(why + "; skipped (set -Dpulp.workers.scaleCommand, or -Dpulp.workers.mismatch=label "
                    + "to run it anyway)");
        }
        notes.add("Ran with " + online + " workers instead of " + scenario.workers() + ": " + why + ".");
    }

    /** One task of the suite's own, under its own correlation id so it is never counted. */
    private void nudge(PulpClient api, Workload workload, String runId, String runName, List<String> notes, List<String> problems) {
        try {
            if (workload.nudge(api.withCorrelationId(CorrelationIds.derived(runId, "wake-up")), runName)) {
                notes.add("The suite dispatched one extra task of its own (not counted) to wake Pulp's task queue.");
            }
        } catch (RuntimeException e) {
            problems.add("waking the queue with an extra task failed: " + e.getMessage());
        }
    }

    /**
     * Removes what the run created, by its name prefix, within {@code bound}; returns what is left
     * in words (with the requests that remove it), or null when nothing is.
     *
     * @param result the run's result, or null when it ended before one (a fixture failure, an exception)
     */
    private String cleanup(Workload workload, String runId, String runName, Phases phases, ScenarioResult result,
                           DispatchedIds dispatched, Instant bound, List<String> notes) {
        if (workload.listPaths().isEmpty()) return null;
        String prefix = runName + "-";
        try {
            return phases.phase("Clean up what the run created (not measured)", () -> {
                // Its own correlation id: cleanup tasks are never counted, and the next scenario
                // starts only once they are done, so they do not queue in front of its tasks.
                String cleanupId = CorrelationIds.derived(runId, "cleanup");
                PulpClient api = client.until(bound);
                RunAwaiter awaiter = new RunAwaiter(api, settings.pollInterval(), settings.limits().failedPolls(), settings.stallPeriod());
                RunCleanup cleanup = new RunCleanup(api.withCorrelationId(cleanupId), awaiter, settings.pollInterval(),
                        settings.limits().failedPolls());
                // Tasks that create objects must be stopped or done before "nothing left" holds; found by the
                // ids they were dispatched under (one per step of a search), even when the run ended before a result.
                List<Map<String, String>> runTasks = !workload.dispatchCreates() ? List.of()
                        : dispatched.open().stream().map(id -> RunFilter.byCorrelationId(id).params()).toList();
                RunCleanup.Outcome outcome = cleanup.run(workload.listPaths(), prefix, runTasks,
                        RunFilter.byCorrelationId(cleanupId).params(), settle(workload, result), bound);
                if (outcome.deleted() > 0 || outcome.failedDeletes() > 0) {
                    notes.add("Cleanup: " + outcome.deleted() + " objects of the run deleted in " + outcome.rounds() + " rounds"
                            + (outcome.failedDeletes() == 0 ? "" : " (" + outcome.failedDeletes() + " deletes failed and were tried "
                            + "again in a later round)") + (outcome.clean() ? "; nothing left." : "."));
                }
                return outcome.clean() ? null : LeftoverReport.of(outcome, prefix, workload.listPaths(), settings.target().v3Root(),
                        settings.target().baseUrl());
            });
        } catch (Exception e) {
            return "cleanup failed (remove objects named " + prefix + "* by hand): " + e.getMessage();
        }
    }

    /**
     * A request answered by nothing or by 5xx may still create an object after the cleanup's
     * listing: when the workload's requests create, a clean listing is confirmed one read timeout later.
     */
    private Duration settle(Workload workload, ScenarioResult result) {
        if (!workload.dispatchCreates()) return Duration.ZERO;
        boolean unclear = result == null || result.dispatch().byStatus().keySet().stream().anyMatch(s -> s < 0 || s >= 500);
        return unclear ? settings.limits().readTimeout() : Duration.ZERO;
    }
}
