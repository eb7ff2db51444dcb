package io.pulpperf.throughput.run;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.SearchSettings;
import io.pulpperf.throughput.config.SuiteSettings;
import io.pulpperf.throughput.load.DispatchLogCsv;
import io.pulpperf.throughput.load.DispatchRecord;
import io.pulpperf.throughput.load.Dispatcher;
import io.pulpperf.throughput.load.Workload;
import io.pulpperf.throughput.measure.LatencyPart;
import io.pulpperf.throughput.measure.LatencySummary;
import io.pulpperf.throughput.measure.QueueAt;
import io.pulpperf.throughput.measure.RawTaskCsv;
import io.pulpperf.throughput.measure.RunAnalyzer;
import io.pulpperf.throughput.measure.RunAwaiter;
import io.pulpperf.throughput.measure.RunMetrics;
import io.pulpperf.throughput.measure.StepRates;
import io.pulpperf.throughput.measure.TaskCollector;
import io.pulpperf.throughput.pulp.CorrelationIds;
import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.pulp.PulpTask;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The search shape (issue 14): open-model steps at rising rates, each with its own
 * Correlation-ID so its tasks are found exactly from the server's records, until one is not kept
 * up with; then bisection between the last good and the first bad rate. Each step starts once the
 * previous step's tasks are done (bounded by {@link SearchSettings#drainLimit()}), so every step
 * is measured from an empty queue and a saturated Pulp is never pushed further. The scenario's
 * timeout covers the whole search; what the steps created is deleted afterwards by the run's name.
 */
final class CapacitySearch {
    /** Far more steps than any search takes (rising steps up to max, plus at most 20 bisections): a bound, not a setting. */
    private static final int MAX_STEPS = 200;

    private final SuiteSettings settings;
    private final PulpClient client;
    private final Dispatcher dispatcher;
    private final PrintStream console;
    private final String targetLabel;

    CapacitySearch(SuiteSettings settings, PulpClient client, Dispatcher dispatcher, PrintStream console, String targetLabel) {
        this.settings = settings;
        this.client = client;
        this.dispatcher = dispatcher;
        this.console = console;
        this.targetLabel = targetLabel;
    }

    /** What the search shares with each step. */
    private record Run(Scenario scenario, String runId, String runName, Workload workload, PulpClient api, RunAwaiter awaiter,
                       Instant deadline, Instant hardStop, DispatchLogCsv log, Consumer<PulpTask> sink,
                       RunAnalyzer whole, DispatchedIds dispatched) {}

    /** A step and what it leaves for the whole search: its dispatch records and whether its tasks were all done. */
    private record StepRun(CapacityStep step, List<DispatchRecord> records, boolean drained, String drainProblem) {}

    /**
     * Runs the search; the caller deletes what its steps created (under the run's name) however it ends.
     *
     * @param deadline no step starts after it
     * @param hardStop no call of the search outlives it
     */
    ScenarioResult run(Scenario scenario, Phases phases, String runId, String runName, Path dir, Workload workload, int online,
                       Instant deadline, Instant hardStop, DispatchedIds dispatched, List<String> problems, List<String> notes)
            throws Exception {
        PulpClient api = client.until(hardStop);
        RunAwaiter awaiter = new RunAwaiter(api, settings.pollInterval(), settings.limits().failedPolls(), settings.stallPeriod());
        SearchPlan plan = new SearchPlan(scenario.search());
        RunAnalyzer whole = new RunAnalyzer();
        List<DispatchRecord> records = new ArrayList<>();
        List<CapacityStep> steps = new ArrayList<>();
        boolean finished = true;
        CapacityResult.Confirmation confirmation = null;
        Path dispatchCsv = dir.resolve("dispatch.csv");
        Path rawCsv = dir.resolve("tasks.csv");
        try (RunArtifacts files = new RunArtifacts()) {
            DispatchLogCsv log = files.track(new DispatchLogCsv(dispatchCsv));
            RawTaskCsv raw = files.track(new RawTaskCsv(rawCsv));
            Run run = new Run(scenario, runId, runName, workload, api, awaiter, deadline, hardStop, log, whole.andThen(raw), whole,
                    dispatched);
            for (int n = 1; n <= MAX_STEPS && plan.next().isPresent(); n++) {
                if (!Instant.now().isBefore(deadline)) {
                    plan.stop("the scenario's timeout (" + scenario.timeout().toSeconds() + " s) ended the search after " + (n - 1) + " steps");
                    problems.add(plan.end());
                    finished = false;
                    break;
                }
                double rate = plan.next().getAsDouble();
                boolean rising = plan.rising();
                int number = n;
                int seqBase = records.size();
                StepRun s = phases.phase(String.format(Locale.ROOT, "Step %d (%s): %.4g tasks/s for %s", n,
                        rising ? "rising" : "bisection", rate, scenario.search().step()),
                        () -> step(run, number, rising, rate, scenario.search().tasksAt(rate), seqBase, null));
                steps.add(s.step());
                records.addAll(s.records());
                console.println(scenario.name() + " " + line(s.step()));
                if (s.step().verdict() == CapacityStep.Verdict.FAULTED) {
                    plan.stop("step " + n + " was interrupted by faults, so it says nothing about capacity: "
                            + String.join("; ", s.step().reasons()));
                    problems.add(plan.end());
                    finished = false;
                    break;
                }
                plan.record(s.step().keptUp());
                if (!s.drained()) {
                    // Refining from a queue that is still full would measure the backlog, not the next rate.
                    plan.stop("the queue of step " + n + " did not drain in time (" + s.drainProblem() + "); the search ends here");
                    problems.add(plan.end());
                    finished = false;
                    break;
                }
            }
            if (finished && Instant.now().isBefore(deadline)) {
                int number = steps.size() + 1;
                confirmation = new ConfirmationStep(run, steps, records).run(phases, number);
            }
            log.close();
            raw.close();
        }
        CapacityResult capacity = CapacityResult.of(steps, plan.end(), confirmation);
        notes.add("Capacity search: " + steps.size() + " steps; " + plan.end() + ". Each step's tasks carry their own "
                + "Correlation-ID (its logging_cid in tasks.csv; the steps table names them); a step starts once the previous "
                + "step's tasks are done, so each is measured from an empty queue. Rates are measured on the server's clock.");
        RunMetrics metrics = whole.result(ScenarioRunner.hrefsOf(records), 0);
        return new ScenarioResult(scenario, runId, online, DispatchSummary.of(records), metrics, finished, problems, notes,
                rawCsv, dispatchCsv, targetLabel, capacity);
    }

    /** Tasks queued as fast as the clients can just before a step's first request, under their own Correlation-ID. */
    private record Fill(String correlationId, int tasks) {}

    /**
     * @param fill null, or the tasks to queue once the step's fixtures exist, just before its first request (the
     *             confirmation step's standing queue; one set of fixtures serves both, the fill's first)
     */
    private StepRun step(Run run, int number, boolean rising, double rate, int tasks, int seqBase, Fill fill) {
        SearchSettings s = run.scenario().search();
        String stepName = run.runName() + "-s" + number;  // under the run's name, so the workload's cleanup finds it
        String cid = CorrelationIds.derived(run.runId(), "step-" + number);
        List<String> faults = new ArrayList<>();
        int filled = fill == null ? 0 : fill.tasks();
        run.workload().prepare(run.api(), stepName, tasks + filled, run.scenario().concurrency());
        List<DispatchRecord> fillRecords = List.of();
        if (fill != null) {
            run.dispatched().dispatching(fill.correlationId());
            fillRecords = dispatcher.run(fill.correlationId(), filled, run.scenario().concurrency(), null,
                    seq -> run.workload().request(stepName, seq), min(Instant.now().plus(s.step().multipliedBy(2)).plusSeconds(5), run.deadline()),
                    r -> run.log().accept(shifted(r, seqBase)));
            fillRecords = fillRecords.stream().map(r -> shifted(r, seqBase)).toList();
        }
        int stepBase = seqBase + fillRecords.size();

        // Room for a late request or two past the step's length, never past the search's deadline.
        Instant stepEnd = min(Instant.now().plus(s.step().multipliedBy(2)).plusSeconds(5), run.deadline());
        run.dispatched().dispatching(cid);
        List<DispatchRecord> sent = dispatcher.run(cid, tasks, run.scenario().concurrency(), rate,
                seq -> run.workload().request(stepName, seq + filled), stepEnd, r -> run.log().accept(shifted(r, stepBase)));
        List<DispatchRecord> records = sent.stream().map(r -> shifted(r, stepBase)).toList();
        DispatchSummary dispatch = DispatchSummary.of(records);
        if (records.size() < tasks) {
            faults.add((Instant.now().isBefore(run.deadline()) ? "" : "the scenario's timeout cut the step short: ")
                    + "only " + records.size() + " of " + tasks + " requests were sent in the step's time");
        }
        if (dispatch.errors() > 0) faults.add(dispatch.errors() + " dispatch requests created no task (by status " + dispatch.byStatus() + ")");
        if (fill != null && DispatchSummary.of(fillRecords).errors() > 0) faults.add("requests queueing the standing queue failed");
        if (!dispatch.cidEchoed()) faults.add("the server did not echo the step's Correlation-ID, so its tasks cannot be attributed to it");

        Map<String, String> filter = RunFilter.byCorrelationId(cid).params();
        Duration left = Duration.between(Instant.now(), run.deadline());
        Duration drain = left.compareTo(s.drainLimit()) < 0 ? left : s.drainLimit();
        RunAwaiter.Outcome wait = drain.isNegative() || drain.isZero()
                ? new RunAwaiter.Outcome(false, -1, 0, "no time left in the scenario's timeout", List.of())
                : run.awaiter().awaitFinished(filter, drain, n -> { });
        if (wait.finished()) run.dispatched().drained(cid);
        if (!wait.finished() && wait.problem().startsWith("the tasks API stopped answering")) faults.add(wait.problem());

        RunAnalyzer stepTasks = new RunAnalyzer();
        StepRates rates = new StepRates();
        try {
            int maxPages = tasks / settings.pageSize() * 2 + 10;
            new TaskCollector(run.api(), settings.pageSize()).collect(filter, stepTasks.andThen(rates).andThen(run.sink()),
                    row -> {
                        stepTasks.acceptUnreadable(row);
                        run.whole().acceptUnreadable(row);
                    }, run.hardStop(), maxPages);
        } catch (RuntimeException e) {
            faults.add("reading the step's tasks failed: " + e.getMessage());
        }
        RunMetrics m = stepTasks.result(ScenarioRunner.hrefsOf(records), 0);
        if (m.lost() > 0) faults.add(m.lost() + " accepted tasks were not found on the server, e.g. " + m.lostHrefs().get(0));
        if (m.unreadable() > 0) faults.add(m.unreadable() + " task rows could not be read, e.g. " + m.unreadableRows().get(0));

        StepRates.Figures f = rates.figures();
        LatencySummary queueWait = m.latency().get(LatencyPart.QUEUE_WAIT);
        Long p50 = queueWait.count() == 0 ? null : queueWait.p50();
        Long p95 = queueWait.count() == 0 ? null : queueWait.p95();
        StepVerdict verdict = StepVerdict.judge(f, p95, faults, s);
        CapacityStep step = new CapacityStep(number, rising, rate, cid, records.size(), dispatch.errors(), f.tasks(),
                f.offeredRate(), f.completionRate(), f.busyRate(), f.busyMicros(), f.queueGrowth(), f.waitingAtEnd(), p50, p95, m.failed(), f.firstCreated(),
                f.lastCreated(), verdict.verdict(), verdict.reasons(),
                m.latency().get(LatencyPart.RUN).count() == 0 ? null : m.latency().get(LatencyPart.RUN).p50());
        List<DispatchRecord> all = new ArrayList<>(fillRecords);
        all.addAll(records);
        return new StepRun(step, all, wait.finished(), wait.problem());
    }

    /**
     * The confirmation step (issue 21): the sustained rate held again for search.confirm, starting
     * with a standing queue as deep as the deepest a saturated step left (that many tasks are queued
     * just before it, under their own Correlation-ID). Kept up when the queue did not grow.
     */
    private final class ConfirmationStep {
        private final Run run;
        private final List<CapacityStep> steps;
        private final List<DispatchRecord> records;

        ConfirmationStep(Run run, List<CapacityStep> steps, List<DispatchRecord> records) {
            this.run = run;
            this.steps = steps;
            this.records = records;
        }

        CapacityResult.Confirmation run(Phases phases, int number) throws Exception {
            SearchSettings s = run.scenario().search();
            Duration hold = s.confirmFor();
            CapacityResult found = CapacityResult.of(steps, "");
            CapacityStep sustained = found.sustainedStep();
            // As deep as the deepest queue a saturated step left (so at least the last one's): the queue the search saw stand.
            long deepest = -1;
            for (CapacityStep st : steps) if (st.verdict() == CapacityStep.Verdict.SATURATED) deepest = Math.max(deepest, st.waitingAtEnd());
            if (hold.isZero() || sustained == null || deepest < 0) return null;
            long depth = Math.max(1, deepest);
            double rate = sustained.targetRate();
            int tasks = (int) Math.max(10, Math.round(rate * hold.toNanos() / 1e9));
            QueueAt queue = new QueueAt();
            String fillCid = CorrelationIds.derived(run.runId(), "confirm-fill");
            StepRun step = phases.phase(String.format(Locale.ROOT, "Confirmation: %d tasks queued, then %.4g tasks/s for %s", depth, rate, hold),
                    () -> step(run, number, false, rate, tasks, records.size(), new Fill(fillCid, (int) depth)));
            records.addAll(step.records());
            collect(fillCid, run.sink().andThen(queue));
            collect(step.step().correlationId(), queue);
            CapacityStep c = step.step();
            long t0 = c.startMicros();
            long t1 = c.endMicros();
            double seconds = (t1 - t0) / 1e6;
            long atStart = queue.waitingAt(t0);
            long atEnd = queue.waitingAt(t1);
            boolean keptUp = c.verdict() != CapacityStep.Verdict.FAULTED && seconds > 0
                    && atEnd <= atStart + s.tolerance() * rate * seconds;
            CapacityResult.Confirmation out = new CapacityResult.Confirmation(rate, atStart, atEnd, keptUp,
                    seconds > 0 ? queue.completedBetween(t0, t1) / seconds : null, c.p95WaitMicros(), c.offeredRate(), c.runP50Micros(), seconds);
            console.println(run.scenario().name() + String.format(Locale.ROOT, " confirmation: %.2f/s from %d waiting -> %d waiting, completed %s/s: %s",
                    rate, atStart, atEnd, CapacitySearch.rate(out.completedRate()), keptUp ? "KEPT_UP" : "NOT KEPT UP"));
            return out;
        }

        private void collect(String cid, Consumer<PulpTask> into) {
            Map<String, String> filter = RunFilter.byCorrelationId(cid).params();
            Duration left = Duration.between(Instant.now(), run.deadline());
            if (!left.isNegative() && !left.isZero()) {
                RunAwaiter.Outcome wait = run.awaiter().awaitFinished(filter, min(left, run.scenario().search().drainLimit()), n -> { });
                if (wait.finished()) run.dispatched().drained(cid);
            }
            try {
                new TaskCollector(run.api(), settings.pageSize()).collect(filter, into, row -> run.whole().acceptUnreadable(row), run.hardStop(),
                        records.size() / settings.pageSize() * 2 + 10);
            } catch (RuntimeException e) {
                console.println(run.scenario().name() + " confirmation: reading tasks of " + cid + " failed: " + e.getMessage());
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** "step 3: offered 45.10/s, completed 45.00/s (while queued -), queue +0.00/s, p95 wait 0.012 s: KEPT_UP". */
    static String line(CapacityStep s) {
        return String.format(Locale.ROOT, "step %d: offered %s/s, completed %s/s (while queued %s), queue %s/s, p95 wait %s s: %s%s",
                s.number(), rate(s.offeredRate()), rate(s.completionRate()), rate(s.busyRate()),
                s.queueGrowth() == null ? "-" : String.format(Locale.ROOT, "%+.2f", s.queueGrowth()),
                s.p95WaitMicros() == null ? "-" : String.format(Locale.ROOT, "%.3f", s.p95WaitMicros() / 1e6), s.verdict(),
                s.reasons().isEmpty() ? "" : " (" + String.join("; ", s.reasons()) + ")");
    }

    private static String rate(Double r) {
        return r == null ? "-" : String.format(Locale.ROOT, "%.2f", r);
    }

    /** The record with its sequence number counted over the whole search, so dispatch.csv has one row per number. */
    private static DispatchRecord shifted(DispatchRecord r, int base) {
        return new DispatchRecord(r.seq() + base, r.intendedMicros(), r.sentMicros(), r.latencyMicros(), r.status(), r.taskHref(),
                r.tasks(), r.cidEchoed(), r.serverDate(), r.error());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
