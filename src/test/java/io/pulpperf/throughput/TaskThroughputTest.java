package io.pulpperf.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.ConfigLoader;
import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.SuiteSettings;
import io.pulpperf.throughput.db.DbObservation;
import io.pulpperf.throughput.db.DbPreflight;
import io.pulpperf.throughput.db.DbReport;
import io.pulpperf.throughput.db.DbSampler;
import io.pulpperf.throughput.db.DbSettings;
import io.pulpperf.throughput.db.DbSettingsLoader;
import io.pulpperf.throughput.db.DbSummary;
import io.pulpperf.throughput.load.Dispatcher;
import io.pulpperf.throughput.measure.RunMetrics;
import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.pulp.PulpStatus;
import io.pulpperf.throughput.report.ResultsJson;
import io.pulpperf.throughput.report.ResultsTable;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.run.ScenarioRunner;
import io.pulpperf.throughput.pulp.TlsContexts;
import io.pulpperf.throughput.run.ScaleCommandWorkers;
import io.pulpperf.throughput.run.SimulatorWorkers;
import io.pulpperf.throughput.run.StatusWorkers;
import io.pulpperf.throughput.run.WorkerControl;
import io.pulpperf.throughput.sim.PulpSimulator;
import io.pulpperf.throughput.sim.SimulatorConfig;
import io.qameta.allure.Allure;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The main job: one test per scenario of the matrix. Each dispatches its tasks, waits for them,
 * collects them from the tasks API, reports everything to Allure, and only then asserts the
 * scenario's thresholds, all of them at once.
 */
@Tag("throughput")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Pulp task throughput")
class TaskThroughputTest {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    // The sampler may outlive a stuck scenario's timeout by this much (fixtures, collection, cleanup).
    private static final Duration DB_SAMPLING_SLACK = Duration.ofMinutes(10);

    private final List<ScenarioResult> results = Collections.synchronizedList(new ArrayList<>());
    // The database sampler's line for the Observations column, by run id (issue 8); empty without -Dpulp.db.url.
    private final Map<String, String> dbObservations = new ConcurrentHashMap<>();
    private SuiteSettings settings;
    private DbSettings db;
    private PulpSimulator simulator;
    private PulpClient client;
    private PulpStatus statusAtStart;
    private ScenarioRunner runner;

    @BeforeAll
    void connect() {
        settings = ConfigLoader.fromSystem();
        db = DbSettingsLoader.fromSystem().orElse(null);
        if (db != null) {
            // Before any load: an unreachable database fails the run now rather than after the whole matrix.
            System.out.println(DbPreflight.describe(db, DbPreflight.check(db)));
        }
        if (settings.target().isSimulator()) {
            SimulatorConfig sim = SimulatorConfig.defaults().withWorkers(1)
                    .withCredentials(settings.target().credentials().username(), settings.target().credentials().password())
                    .withFailureRate(settings.simulator().failureRate());
            for (var e : settings.simulator().serviceTimes().entrySet()) sim = sim.withServiceTime(e.getKey(), e.getValue());
            simulator = PulpSimulator.start(sim);
            settings = settings.withTarget(settings.target().at(URI.create(simulator.baseUrl())));
            System.out.println("No -Dpulp.apiRoot given: measuring the embedded Pulp simulator (not a real Pulp) at " + simulator.baseUrl());
        }
        client = new PulpClient(settings.target(), CONNECT_TIMEOUT, READ_TIMEOUT);
        statusAtStart = client.status();
        client.login();
        WorkerControl workers = simulator != null ? new SimulatorWorkers(simulator, client, Duration.ofSeconds(30))
                : settings.scaling().command() != null ? new ScaleCommandWorkers(settings.scaling(), client, System.out)
                : new StatusWorkers(client);
        if (settings.target().tls().insecure()) {
            // The JDK client checks host names unless told otherwise, process-wide; asked for explicitly.
            System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        }
        Dispatcher dispatcher = new Dispatcher(Dispatcher.newHttpClient(CONNECT_TIMEOUT, TlsContexts.of(settings.target().tls())),
                client.auth(), READ_TIMEOUT);
        runner = new ScenarioRunner(settings, client, dispatcher, workers, System.out, targetLabel());
    }

    private String targetLabel() {
        return simulator != null ? "embedded Pulp simulator (not a real Pulp) at " + simulator.baseUrl()
                : settings.target().baseUrl().toString();
    }

    Stream<Scenario> scenarios() {
        return settings.scenarios().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void throughput(Scenario scenario) throws Exception {
        AllureScenarioReport.parameters(scenario, simulator != null ? "embedded simulator" : settings.target().baseUrl().toString());
        ScenarioResult result = null;
        DbSampler sampler = db == null ? null : DbSampler.start(db, scenario.timeout().plus(DB_SAMPLING_SLACK));
        try {
            result = runner.run(scenario, AllureScenarioReport.steps());
        } catch (ScenarioRunner.WorkerMismatchException e) {
            Assumptions.abort(e.getMessage());
            return;
        } finally {
            if (sampler != null) reportDb(scenario, sampler.stop(), result);
        }
        results.add(result);
        AllureScenarioReport.attach(result);
        System.out.println(io.pulpperf.throughput.report.ScenarioSummary.line(result));

        RunMetrics m = result.metrics();
        var t = scenario.thresholds();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(result.problems()).as("problems during the run").isEmpty();
        soft.assertThat(m.throughput()).as("tasks per second (completed / (last finished_at - first started_at))")
                .isNotNull();
        if (m.throughput() != null) {
            soft.assertThat(m.throughput()).as("tasks per second (completed / (last finished_at - first started_at))")
                    .isGreaterThanOrEqualTo(t.minTasksPerSecond());
        }
        soft.assertThat(m.successRate()).as("success rate (completed / observed)").isNotNull();
        if (m.successRate() != null) {
            soft.assertThat(m.successRate()).as("success rate (completed / observed)").isGreaterThanOrEqualTo(t.minSuccessRate());
        }
        soft.assertThat(m.lost()).as("lost tasks (accepted at dispatch, never found; first: %s)", m.lostHrefs())
                .isLessThanOrEqualTo(t.maxLostTasks());
        soft.assertAll();
    }

    @AfterAll
    void report() throws IOException {
        try {
            if (settings == null) return;
            List<ScenarioResult> done = new ArrayList<>(results);
            Map<String, Object> context = context();
            String title = "Task throughput, " + context.get("date") + " — " + context.get("target");
            String table = ResultsTable.markdown(title, done, dbObservations);
            Path dir = settings.outputDir();
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("results.md"), table);
            ResultsJson.write(dir.resolve("results.json"), context, done);
            Allure.addAttachment("Results table", "text/markdown", table, ".md");
            writeEnvironment(context);
            System.out.println();
            System.out.println(table);
        } finally {
            if (simulator != null) simulator.close();
        }
    }

    /** The sampler's report beside the tasks: on their timeline's axis, figures over the tasks' window. */
    private void reportDb(Scenario scenario, DbReport report, ScenarioResult result) {
        Long first = result == null ? null : result.metrics().firstCreated();
        Long last = result == null ? null : result.metrics().lastFinished();
        Instant zero = first == null ? report.startedAt() : Instant.EPOCH.plus(first, java.time.temporal.ChronoUnit.MICROS);
        DbSummary summary = first == null || last == null ? DbSummary.of(report.samples(), null, null)
                : DbSummary.of(report.samples(), zero, Instant.EPOCH.plus(last, java.time.temporal.ChronoUnit.MICROS));
        AllureScenarioReport.attachDb(scenario.name(), report, summary, zero);
        String line = DbObservation.line(report, summary);
        System.out.println(scenario.name() + ": " + line + "; " + DbObservation.cost(report));
        if (result != null) dbObservations.put(result.runId(), line);
    }

    private Map<String, Object> context() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        c.put("target", simulator != null ? "embedded Pulp simulator (not a real Pulp)" : settings.target().baseUrl().toString());
        c.put("simulator", simulator != null);
        c.put("apiPath", settings.target().apiPath());
        c.put("domain", settings.target().domain() == null ? "-" : settings.target().domain());
        if (statusAtStart != null) {
            statusAtStart.versions().forEach((k, v) -> c.put("pulp." + k, v));
            c.put("onlineWorkersAtStart", statusAtStart.workerCount());
            c.put("onlineApiApps", statusAtStart.onlineApiApps().size());
            c.put("onlineContentApps", statusAtStart.onlineContentApps().size());
        }
        c.put("config", settings.configFile().toString());
        c.put("java", System.getProperty("java.version"));
        c.put("suiteVersion", System.getProperty("pulp.suite.version", "dev"));
        return c;
    }

    /** Allure's Environment panel: where and what was measured, never credentials. */
    private void writeEnvironment(Map<String, Object> context) throws IOException {
        Path dir = Path.of(System.getProperty("allure.results.directory", "allure-results"));
        Files.createDirectories(dir);
        Properties p = new Properties();
        context.forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
        try (Writer w = Files.newBufferedWriter(dir.resolve("environment.properties"))) {
            p.store(w, "Pulp task throughput run");
        }
    }
}
