package io.pulpperf.throughput;

import io.pulpperf.throughput.config.ConfigLoader;
import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.SuiteSettings;
import io.pulpperf.throughput.history.HistoryChecks;
import io.pulpperf.throughput.history.HistoryTable;
import io.pulpperf.throughput.history.NightlyHistory;
import io.pulpperf.throughput.history.Rounds;
import io.pulpperf.throughput.history.RoundsNote;
import io.pulpperf.throughput.history.Spread;
import io.pulpperf.throughput.report.MedianThresholds;
import io.pulpperf.throughput.run.Repeats;
import io.pulpperf.throughput.history.SeriesJudgement;
import io.pulpperf.throughput.suite.ConfiguredObservers;
import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.Observers;
import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.pulp.PulpStatus;
import io.pulpperf.throughput.report.AllureContextFiles;
import io.pulpperf.throughput.report.Baseline;
import io.pulpperf.throughput.report.BaselineComparison;
import io.pulpperf.throughput.report.BaselineFile;
import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.report.GrafanaLink;
import io.pulpperf.throughput.report.JudgedScenario;
import io.pulpperf.throughput.report.MatrixReport;
import io.pulpperf.throughput.report.Redact;
import io.pulpperf.throughput.report.RunContext;
import io.pulpperf.throughput.report.ScenarioChecks;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.run.ScenarioRunner;
import io.pulpperf.throughput.run.Clients;
import io.pulpperf.throughput.run.ScaleCommandWorkers;
import io.pulpperf.throughput.run.SimulatorWorkers;
import io.pulpperf.throughput.run.StatusWorkers;
import io.pulpperf.throughput.run.WorkerControl;
import io.pulpperf.throughput.resources.ResourceStats;
import io.pulpperf.throughput.sim.HeartbeatPlan;
import io.pulpperf.throughput.sim.PulpSimulator;
import io.pulpperf.throughput.sim.SimulatorConfig;
import io.pulpperf.throughput.sim.WorkerContention;
import io.pulpperf.throughput.workers.WorkerHealthObserver;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The main job: one test per scenario of the matrix. Each dispatches its tasks, waits for them,
 * collects them from the tasks API, reports everything to Allure, and only then asserts the
 * scenario's thresholds (and the baseline, with -Dpulp.baseline), all of them at once. After the
 * scenarios, one more test puts the results table and the scaling chart into the report.
 */
@Tag("throughput")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Pulp task throughput")
class TaskThroughputTest {
    private final List<JudgedScenario> results = Collections.synchronizedList(new ArrayList<>());
    // The observers' lines for the Observations column and their figures for results.json, by run id
    // (database sampler, issue 8; Prometheus, issue 13); empty without -Dpulp.db.url / -Dpulp.prometheus.url.
    private final Map<String, String> observations = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> observedFigures = new ConcurrentHashMap<>();
    private Observers observers;
    private Optional<GrafanaLink> grafana = Optional.empty();
    // -Dpulp.logs.grafanaUrl: an Explore URL of Pulp's logs (issue 26), linked per scenario like the dashboards.
    private Optional<GrafanaLink> grafanaLogs = Optional.empty();
    private SuiteSettings settings;
    private Optional<Baseline> baseline = Optional.empty();
    private boolean matrixWritten;
    private PulpSimulator simulator;
    private PulpClient client;
    private PulpStatus statusAtStart;
    private ScenarioRunner runner;
    // The results history (issue 19): read before any load, appended at the end; judgements by run id.
    private Optional<NightlyHistory> history = Optional.empty();
    private final Map<String, SeriesJudgement> judgements = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    // Repetitions (issue 19): rounds per scenario, and each scenario's rounds so far.
    private Repeats repeats = Repeats.none();
    private final Rounds rounds = new Rounds();
    private final Map<String, Boolean> roundFailed = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> roundSpreads = new ConcurrentHashMap<>();

    @BeforeAll
    void connect() {
        settings = ConfigLoader.fromSystem();
        baseline = BaselineFile.fromSystem();
        grafana = GrafanaLink.fromSystem();
        grafanaLogs = GrafanaLink.of(GrafanaLink.LOGS_PROPERTY, System.getProperty(GrafanaLink.LOGS_PROPERTY));
        observers = ConfiguredObservers.fromSystem();
        // Before any load: an unreachable database or Prometheus fails the run now rather than after the whole matrix.
        observers.preflight().forEach(System.out::println);
        if (settings.target().isSimulator()) {
            // The embedded simulator accepts the credentials the run was given, a bearer token included.
            SimulatorConfig sim = SimulatorConfig.defaults().withWorkers(1)
                    .withCredentials(settings.target().credentials().username(), settings.target().credentials().password())
                    .withToken(settings.target().credentials().token())
                    .withFailureRate(settings.simulator().failureRate())
                    .withHeartbeats(HeartbeatPlan.defaults().withTtl(settings.simulator().workerTtl())
                            .withLag(settings.simulator().heartbeatLag()).withLagPerWorker(settings.simulator().heartbeatLagPerWorker()));
            for (var e : settings.simulator().serviceTimes().entrySet()) sim = sim.withServiceTime(e.getKey(), e.getValue());
            var contention = settings.simulator().contention();
            sim = sim.withContention(new WorkerContention(contention.sigma(), contention.kappa()));
            // Its logs in pulpcore's formats (issue 26), read by a log observer unless the run names log sources of its own.
            java.util.Properties logProps = new java.util.Properties();
            logProps.putAll(System.getProperties());
            logProps.setProperty("sim.logDir", settings.outputDir().resolve("sim-logs").toString());
            simulator = PulpSimulator.start(sim, io.pulpperf.throughput.sim.SimLog.fromProperties(logProps));
            if (!observers.has("logs")) {
                var logs = new io.pulpperf.throughput.logs.LogObserver(io.pulpperf.throughput.logs.LogSettingsLoader.forSimulator(
                        new ConfigLoader(io.pulpperf.throughput.config.SecretHolder.systemProperties(), System.getenv(), Path.of("")),
                        simulator.logFiles().stream().map(Path::toString).toList()));
                System.out.println(logs.preflight());
                observers = observers.plus(logs);
            }
            settings = settings.withTarget(settings.target().at(URI.create(simulator.baseUrl())));
            System.out.println("No -Dpulp.apiRoot given: measuring the embedded Pulp simulator (not a real Pulp) at " + simulator.baseUrl());
        }
        if (settings.target().tls().insecure()) {
            // The JDK client checks host names unless told otherwise, process-wide; asked for explicitly.
            System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        }
        Clients clients = Clients.connect(settings);
        client = clients.api();
        statusAtStart = client.status();
        history = NightlyHistory.load(settings.configFile(), io.pulpperf.throughput.config.SecretHolder.systemProperties(), statusAtStart);
        history.ifPresent(h -> h.startLines().forEach(System.out::println));
        repeats = Repeats.load(settings.configFile(), io.pulpperf.throughput.config.SecretHolder.systemProperties());
        WorkerControl workers = simulator != null ? new SimulatorWorkers(simulator, client, Duration.ofSeconds(30))
                : settings.scaling().command() != null ? new ScaleCommandWorkers(settings.scaling(), client, System.out)
                : new StatusWorkers(client);
        runner = new ScenarioRunner(settings, client, clients.dispatcher(), workers, System.out, targetLabel());
        // Worker health in every scenario (issue 20): needs the client, so it joins the observers here.
        // At most one read a second: a worker beats every 10 s on Pulp, and each read costs the API CPU.
        WorkerHealthObserver health = new WorkerHealthObserver(client, max(settings.pollInterval(), Duration.ofSeconds(1)));
        System.out.println(health.preflight());
        observers = observers.plus(health);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private String targetLabel() {
        return simulator != null ? RunContext.SIMULATOR_LABEL + " at " + simulator.baseUrl()
                : Redact.url(settings.target().baseUrl());
    }

    /** Each scenario's rounds (repeat: k), interleaved across the matrix: A B C A B C. */
    Stream<Arguments> scenarios() {
        return repeats.interleave(settings.scenarios()).stream().map(p -> Arguments.of(p.scenario(), p.round()));
    }

    @ParameterizedTest(name = "{0}{1}")
    @MethodSource("scenarios")
    @Order(1)
    @DisplayName("Throughput of")
    void throughput(Scenario scenario, Repeats.Round round) throws Exception {
        AllureScenarioReport.parameters(scenario, simulator != null ? "embedded simulator" : Redact.url(settings.target().baseUrl()));
        // Rounds of one scenario are distinct tests in Allure, not retries of one.
        if (round.of() > 1) io.qameta.allure.Allure.parameter("round", round.round() + " of " + round.of());
        ScenarioResult result = null;
        Observers.Running observing = observers.start(scenario.name(), scenario.timeout());
        List<Observed> observed = List.of();
        boolean skipped = false;
        try {
            result = AllureScenarioReport.run(runner, scenario, AllureScenarioReport.steps(), round.round());
        } catch (ScenarioRunner.WorkerMismatchException e) {
            skipped = true;
            Assumptions.abort(e.getMessage());
            return;
        } finally {
            // A skipped scenario put no load on Pulp: no range queries, no empty charts for it.
            if (skipped) observing.discard();
            else observed = observed(scenario, observing, result);
            if (!skipped) result = io.pulpperf.throughput.run.FleetPeaks.with(result, observed);
            if (result == null && !skipped) history.ifPresent(h -> h.interrupted(scenario));
        }
        ScenarioResult done = result;
        List<Check> checks = new ArrayList<>(round.of() == 1 ? ScenarioChecks.of(done)
                : MedianThresholds.roundChecks(ScenarioChecks.of(done), round.round(), round.of()));
        observed.forEach(o -> checks.addAll(o.checks()));
        Map<String, Double> peaks = ResourceStats.peaks(observed);
        // A round whose workers were not all alive is not silently compared (issue 20).
        io.pulpperf.throughput.workers.WorkersAlive alive = io.pulpperf.throughput.workers.WorkersAlive.of(observedFigures.get(done.runId()));
        baseline.ifPresent(b -> checks.addAll(BaselineComparison.compare(done, b, alive)));
        baseline.ifPresent(b -> checks.addAll(BaselineComparison.compareResources(scenario.name(), peaks, b, alive)));
        rounds.add(scenario.name(), done, observedFigures.get(done.runId()));
        if (round.of() > 1 && round.last()) {
            Map<String, Spread> spreads = Rounds.spreads(rounds.of(scenario.name()));
            checks.addAll(MedianThresholds.of(scenario.thresholds(), spreads, done.capacity() != null));
            observations.merge(done.runId(), RoundsNote.of(spreads), (a, b) -> a + "; " + b);
            roundSpreads.put(done.runId(), Map.of("n", round.of(), "runIds",
                    rounds.of(scenario.name()).stream().map(r -> r.result().runId()).toList(), "figures", spreads));
        }
        boolean failedRound = checks.stream().anyMatch(Check::failed);
        boolean failedRun = roundFailed.merge(scenario.name(), failedRound, Boolean::logicalOr);
        if (round.last()) history.ifPresent(h -> {
            SeriesJudgement trend = h.judgeRounds(rounds.of(scenario.name()), failedRun);
            judgements.put(done.runId(), trend);
            checks.addAll(HistoryChecks.of(trend));
            observations.merge(done.runId(), HistoryTable.observation(trend), (a, b) -> a + "; " + b);
            AllureScenarioReport.attachTrend(scenario.name(), trend);
        });
        JudgedScenario judged = new JudgedScenario(done, checks);
        results.add(judged);
        Map<String, Object> figs = observedFigures.get(done.runId());
        AllureScenarioReport.attach(judged, figs == null ? null : figs.get("logs"));
        System.out.println(io.pulpperf.throughput.report.ScenarioSummary.line(result));

        CheckAssert.Soft soft = new CheckAssert.Soft();
        checks.forEach(c -> soft.assertThat(c).passes());
        soft.assertAll();
    }

    @Test
    @Order(2)
    @DisplayName("Results matrix: all scenarios, scaling against workers")
    void matrix() throws IOException {
        List<JudgedScenario> done = new ArrayList<>(results);
        Assumptions.assumeFalse(done.isEmpty(), "no scenario produced results, so there is no matrix");
        MatrixReport m = writeMatrix(done);
        AllureMatrixReport.attach(m);
        if (!judgements.isEmpty()) AllureMatrixReport.attachHistory(io.pulpperf.throughput.report.HistoryHtml.of(byScenario(done)),
                historyTable(done));
        System.out.println();
        System.out.println(m.markdown());
    }

    private MatrixReport writeMatrix(List<JudgedScenario> done) throws IOException {
        // results.json: each scenario's judgement against the history, and a repeated one's medians with their spread.
        Map<String, Map<String, Object>> sections = new java.util.LinkedHashMap<>();
        judgements.forEach((runId, j) -> sections.computeIfAbsent(runId, k -> new java.util.LinkedHashMap<>()).put("history", HistoryTable.forResults(j)));
        roundSpreads.forEach((runId, r) -> sections.computeIfAbsent(runId, k -> new java.util.LinkedHashMap<>()).put("rounds", r));
        MatrixReport m = MatrixReport.of(context(), done, observations, observedFigures, sections);
        m.write(settings.outputDir());
        if (!judgements.isEmpty()) java.nio.file.Files.writeString(settings.outputDir().resolve("vs-history.md"), historyTable(done));
        matrixWritten = true;
        return m;
    }

    @AfterAll
    void report() throws IOException {
        try {
            if (settings == null) return;
            // Only when the matrix test did not run (e.g. -Dtest=TaskThroughputTest#throughput).
            if (!matrixWritten && !results.isEmpty()) writeMatrix(new ArrayList<>(results));
            if (history.isPresent()) history.get().append().ifPresent(f -> System.out.println("History " + f + ": appended this run"));
            Path dir = Path.of(System.getProperty("allure.results.directory", "allure-results"));
            AllureContextFiles.write(dir, context(), System.getenv());
        } finally {
            if (simulator != null) simulator.close();
        }
    }

    /**
     * Stops the observers and reports what they saw beside the tasks: on their timeline's axis,
     * figures over the tasks' window; with -Dpulp.grafana.url, a link to the scenario's window.
     */
    private List<Observed> observed(Scenario scenario, Observers.Running observing, ScenarioResult result) {
        Long first = result == null ? null : result.metrics().firstCreated();
        Long last = result == null ? null : result.metrics().lastFinished();
        // A fleet's counts: the observers report each hold too (issue 20's bottleneck column).
        // Issue 28: each disruption is a mark on the observers' timelines.
        List<io.pulpperf.throughput.observe.ScenarioWindow.Mark> marks = result == null || first == null ? List.of()
                : result.disruptions().stream().filter(d -> d.at() != null).map(d -> new io.pulpperf.throughput.observe.ScenarioWindow.Mark(
                        d.name(), micros(first + Math.round(d.at() * 1e6)))).toList();
        // The run's Correlation-ID and failed requests tell its own log lines from others' (issue 26).
        var run = result == null ? io.pulpperf.throughput.observe.ScenarioWindow.Run.NONE
                : new io.pulpperf.throughput.observe.ScenarioWindow.Run(result.runId(), io.pulpperf.throughput.logs.FailedRequests.read(result.dispatchCsv()),
                        // Each failure reason's first task: its own lines go beside its error (issue 26 item 3).
                        result.metrics().failures().stream().map(io.pulpperf.throughput.measure.FailureReason::firstTask).filter(java.util.Objects::nonNull).toList());
        List<Observed> observed = new ArrayList<>(observing.stop(first == null ? null : micros(first), last == null ? null : micros(last),
                io.pulpperf.throughput.run.FleetPeaks.holds(result), run, marks));
        // Completion rate by queue depth, from the tasks' own timestamps (issue 21).
        if (result != null) observed.add(io.pulpperf.throughput.report.QueueDepthReport.observed(result));
        grafana.ifPresent(g -> AllureScenarioReport.link("Grafana: " + scenario.name(), g.url(observing.started(), java.time.Instant.now())));
        grafanaLogs.ifPresent(g -> AllureScenarioReport.link("Logs in Grafana: " + scenario.name(), g.url(observing.started(), java.time.Instant.now())));
        List<String> lines = new ArrayList<>();
        Map<String, Object> figures = new java.util.LinkedHashMap<>();
        for (Observed o : observed) {
            AllureScenarioReport.attachObserved(o);
            System.out.println(o.console());
            if (!o.observation().isEmpty()) lines.add(o.observation());
            figures.put(o.source(), o.figures());
        }
        if (result != null && !lines.isEmpty()) observations.put(result.runId(), String.join("; ", lines));
        if (result != null && !figures.isEmpty()) observedFigures.put(result.runId(), figures);
        return observed;
    }

    private static Instant micros(long epochMicros) {
        return Instant.EPOCH.plus(epochMicros, java.time.temporal.ChronoUnit.MICROS);
    }

    /** Scenario x figure against the history, scenarios in run order. */
    private String historyTable(List<JudgedScenario> done) {
        return HistoryTable.markdown(byScenario(done));
    }

    private Map<String, SeriesJudgement> byScenario(List<JudgedScenario> done) {
        Map<String, SeriesJudgement> out = new java.util.LinkedHashMap<>();
        for (JudgedScenario j : done) {
            SeriesJudgement t = judgements.get(j.result().runId());
            if (t != null) out.put(j.result().scenario().name(), t);
        }
        return out;
    }

    private Map<String, Object> context() {
        return RunContext.of(settings.target(), simulator != null, statusAtStart, settings.configFile(), baseline);
    }
}
