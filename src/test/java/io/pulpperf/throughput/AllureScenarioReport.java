package io.pulpperf.throughput;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.report.FleetTable;
import io.pulpperf.throughput.report.CapacityChart;
import io.pulpperf.throughput.report.CapacityTable;
import io.pulpperf.throughput.report.Charts;
import io.pulpperf.throughput.report.DispatchTable;
import io.pulpperf.throughput.report.JudgedScenario;
import io.pulpperf.throughput.report.LatencyTable;
import io.pulpperf.throughput.report.ScenarioSummary;
import io.pulpperf.throughput.report.SummaryTable;
import io.pulpperf.throughput.report.TimelineChart;
import io.pulpperf.throughput.run.Phases;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.run.ScenarioRunner;
import io.qameta.allure.Allure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** Puts one scenario into the Allure report: parameters, phases as steps, tables, charts and raw data. */
final class AllureScenarioReport {
    private AllureScenarioReport() {}

    static void parameters(Scenario s, String target) {
        Allure.parameter("workers", s.workers());
        Allure.parameter("tasks", s.tasks());
        Allure.parameter("concurrency", s.concurrency());
        Allure.parameter("workload", s.workload().key());
        Allure.parameter("timeout", s.timeout().toSeconds() + " s");
        Allure.parameter("min tasks/s", s.thresholds().minTasksPerSecond());
        Allure.parameter("min success rate", s.thresholds().minSuccessRate());
        Allure.parameter("target", target);
        if (s.search() != null) {
            Allure.parameter("shape", "search");
            Allure.parameter("search", String.format(java.util.Locale.ROOT, "from %s by x%s up to %s tasks/s, %s s steps, refine %d%s",
                    s.search().from(), s.search().factor(), s.search().max(), s.search().step().toMillis() / 1000.0, s.search().refine(),
                    s.search().maxP95Wait() == null ? "" : ", max p95 wait " + s.search().maxP95Wait().toMillis() / 1000.0 + " s"));
        }
    }

    /** Phases as Allure steps (lambda steps: no AspectJ weaving needed). */
    static Phases steps() {
        return new Phases() {
            @Override
            public <T> T phase(String name, Callable<T> body) throws Exception {
                return Allure.step(name, body::call);
            }
        };
    }

    /**
     * Runs the scenario; when the run throws (after dispatch: an exception of the suite's own, or
     * an interrupt), first attaches whatever files it wrote, so nothing measured is lost.
     */
    static ScenarioResult run(ScenarioRunner runner, Scenario scenario, Phases phases) throws Exception {
        return run(runner, scenario, phases, 1);
    }

    /** As above, for one round of a repeated scenario (its files in its own folder). */
    static ScenarioResult run(ScenarioRunner runner, Scenario scenario, Phases phases, int round) throws Exception {
        try {
            return runner.run(scenario, phases, round);
        } catch (ScenarioRunner.WorkerMismatchException e) {
            throw e;  // a skip: nothing was measured
        } catch (Exception | Error e) {
            attachFiles(runner.outputDir(scenario, round));
            throw e;
        }
    }

    /** Attaches every file of a scenario's folder (the runner empties it when the scenario starts). */
    static void attachFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                file("Written before the scenario stopped: " + name, f);
            }
        }
    }

    /**
     * Attaches everything measured; called before any assertion so it is there when one fails.
     * What a reader looks at comes first; the raw data is folded into one step. Each table comes
     * as HTML (Allure 3 shows it inline, coloured) and as CSV (Allure 2 shows HTML in a short
     * frame, but CSV as a full table).
     */
    static void attach(JudgedScenario j) {
        attach(j, null);
    }

    /**
     * @param logs the log observer's figures (issue 26), or null: its events are marked on the timeline chart and each failure
     *             reason's first task gets its own log lines beside its error
     */
    static void attach(JudgedScenario j, Object logs) {
        ScenarioResult r = j.result();
        java.util.List<TimelineChart.Mark> marks = TimelineChart.logMarks(logs, r.metrics().firstCreated());
        String name = r.scenario().name();
        Allure.addAttachment("Summary: checks and figures", "text/html", SummaryTable.html(r, j.checks()), ".html");
        Allure.addAttachment("Summary (CSV)", "text/csv", SummaryTable.csv(r, j.checks()), ".csv");
        if (r.capacity() != null) attachCapacity(name, r);
        if (r.fleet() != null) Allure.addAttachment("Fleet: every figure per worker count (CSV)", "text/csv", FleetTable.csv(r.fleet(), r.scenario().fleet() == null ? io.pulpperf.throughput.config.FleetSettings.DEFAULT_BOTTLENECK_AT : r.scenario().fleet().bottleneckAt()), ".csv");
        Allure.addAttachment("Timeline chart", "image/svg+xml",
                Charts.svg(TimelineChart.of(name, r.metrics(), r.disruptions(), marks), TimelineChart.WIDTH, TimelineChart.HEIGHT), ".svg");
        Allure.addAttachment("Latency table", "text/html", LatencyTable.html(name + " latency", r.metrics()), ".html");
        Allure.addAttachment("Latency table (CSV)", "text/csv", LatencyTable.csv(r.metrics()), ".csv");
        Allure.addAttachment("Dispatch: request rate, HTTP latency, answers by status", "text/html",
                DispatchTable.html(name, r.dispatch()), ".html");
        Allure.addAttachment("Dispatch (CSV)", "text/csv", DispatchTable.csv(r.dispatch()), ".csv");
        if (!r.metrics().failures().isEmpty()) {
            Allure.addAttachment("Failed and canceled tasks by reason (CSV)", "text/csv", ScenarioSummary.failuresCsv(r.metrics(), logs), ".csv");
        }
        if (!r.metrics().errors().isEmpty()) {
            Allure.addAttachment("Failed tasks by exact error text (CSV)", "text/csv", ScenarioSummary.errorsCsv(r.metrics()), ".csv");
        }
        Allure.step("Raw data: timeline, tasks, dispatch log (CSV)", () -> {
            Allure.addAttachment("Timeline (CSV)", "text/csv", ScenarioSummary.timelineCsv(r.metrics()), ".csv");
            file("Raw tasks (CSV)", r.rawTasksCsv());
            file("Dispatch log (CSV)", r.dispatchCsv());
            Allure.addAttachment("Summary (text)", "text/plain", ScenarioSummary.text(r), ".txt");
        });
    }

    /** Attaches what an observer (database sampler, Prometheus) reported, in its order. */
    static void attachObserved(Observed o) {
        for (Observed.Attachment a : o.attachments()) Allure.addAttachment(a.name(), a.mimeType(), a.content(), a.extension());
    }

    /** A link in the scenario's Allure result (its "links"), e.g. to Grafana for the scenario's window. */
    /** The scenario's series (issue 19): the trend chart of its main figures and the series as CSV. */
    static void attachTrend(String scenario, io.pulpperf.throughput.history.SeriesJudgement j) {
        var chart = io.pulpperf.throughput.report.TrendChart.of(scenario, j);
        Allure.addAttachment("Trend against the history: " + scenario, "image/svg+xml",
                io.pulpperf.throughput.report.Charts.svg(chart, io.pulpperf.throughput.report.TrendChart.WIDTH,
                        io.pulpperf.throughput.report.TrendChart.height(j)), ".svg");
        Allure.addAttachment("Trend series (CSV): " + scenario, "text/csv", io.pulpperf.throughput.report.TrendChart.csv(j), ".csv");
    }

    static void link(String name, String url) {
        Allure.link(name, url);
    }

    /** A capacity search's chart of rates per step, its queue over time with step boundaries, and its steps table (issue 14). */
    private static void attachCapacity(String name, ScenarioResult r) {
        Allure.addAttachment("Capacity: offered vs completed per step", "image/svg+xml",
                Charts.svg(CapacityChart.rates(name, r.capacity()), CapacityChart.WIDTH, CapacityChart.HEIGHT), ".svg");
        Allure.addAttachment("Capacity: queue over time, steps shaded", "image/svg+xml",
                Charts.svg(CapacityChart.queue(name, r.metrics(), r.capacity()), CapacityChart.WIDTH, CapacityChart.HEIGHT), ".svg");
        Allure.addAttachment("Capacity: steps", "text/html", CapacityTable.html(name, r.capacity()), ".html");
        Allure.addAttachment("Capacity: steps (CSV)", "text/csv", CapacityTable.csv(r.capacity()), ".csv");
    }

    private static void file(String name, Path path) {
        if (!Files.exists(path)) return;
        boolean csv = path.toString().endsWith(".csv");
        try (InputStream in = Files.newInputStream(path)) {
            Allure.addAttachment(name, csv ? "text/csv" : "text/plain", in, csv ? ".csv" : ".txt");
        } catch (IOException e) {
            Allure.addAttachment(name + " (unreadable)", "text/plain", "could not read " + path + ": " + e.getMessage(), ".txt");
        }
    }
}
