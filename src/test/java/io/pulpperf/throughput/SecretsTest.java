package io.pulpperf.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulpperf.throughput.config.ConfigLoader;
import io.pulpperf.throughput.config.SuiteSettings;
import io.pulpperf.throughput.suite.ConfiguredObservers;
import io.pulpperf.throughput.observe.Observed;
import io.pulpperf.throughput.observe.Observers;
import io.pulpperf.throughput.resources.PromUnavailableException;
import io.pulpperf.throughput.resources.StubPrometheus;
import io.pulpperf.throughput.pulp.PulpApiException;
import io.pulpperf.throughput.pulp.PulpStatus;
import io.pulpperf.throughput.report.AllureContextFiles;
import io.pulpperf.throughput.report.JudgedScenario;
import io.pulpperf.throughput.report.MatrixReport;
import io.pulpperf.throughput.report.RunContext;
import io.pulpperf.throughput.report.ScenarioChecks;
import io.pulpperf.throughput.report.ScenarioSummary;
import io.pulpperf.throughput.run.Clients;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.run.ScenarioRunner;
import io.pulpperf.throughput.run.ScriptedPhases;
import io.pulpperf.throughput.run.SimulatorWorkers;
import io.pulpperf.throughput.sim.FaultPlan;
import io.pulpperf.throughput.sim.PulpSimulator;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Whole scenarios with sentinel secrets (password, bearer token, identity header; Prometheus's
 * token, password and headers), through the
 * happy path and the failure paths (refused credentials, a 5xx page quoting the request's
 * headers): no sentinel may reach the console, the Allure results or any file under target/.
 * Sentinels are made at run time, so the compiled test classes under target/ do not contain them.
 */
class SecretsTest {
    /** Answers every read with a 503 that quotes the request's headers, as a debug page or chatty proxy does. */
    private static final FaultPlan ECHOING_5XX = FaultPlan.of(1.0, FaultPlan.Kind.SERVER_ERROR)
            .withTargets(FaultPlan.Target.READ).withErrorsEchoingRequest(true);

    private static String sentinel(String kind) {
        return kind + "-" + UUID.randomUUID();
    }

    @Test
    void aSentinelPasswordAndIdentityAppearNowhere() throws Exception {
        String password = sentinel("pw");
        String identity = sentinel("id");
        String console = wholeScenario(SimulatorConfig.defaults().withCredentials("admin", password), Path.of("target/secrets-test/password"),
                Map.of("pulp.username", "admin", "pulp.password", password, "pulp.identityHeader", identity));
        assertThat(console).contains("\"Cookie\":\"sessionid=***; csrftoken=***\"");
        assertNowhere(console, password, identity);
    }

    @Test
    void aSentinelBearerTokenAppearsNowhere() throws Exception {
        String token = sentinel("tok");
        String identity = sentinel("id");
        String console = wholeScenario(SimulatorConfig.defaults().withToken(token), Path.of("target/secrets-test/token"),
                Map.of("pulp.token", token, "pulp.identityHeader", identity));
        assertThat(console).contains("\"Authorization\":\"***\"");
        assertNowhere(console, token, identity);
    }

    /** The console output of a whole scenario run with these credentials, its cleanup answered by echoing 503 pages. */
    private static String wholeScenario(SimulatorConfig server, Path output, Map<String, String> credentials) throws Exception {
        String console = captured(() -> {
            try (PulpSimulator sim = PulpSimulator.start(server.withDefaultServiceTime("2ms"))) {
                ScenarioResult result = runEchoingAtCleanup(sim, settings(sim, output, credentials));
                assertThat(result.metrics().completed()).isEqualTo(20);
            }
        });
        assertThat(console).contains("dist-create-2w").contains("but got 503");
        return console;
    }

    @Test
    void refusedCredentialsAreReportedWithoutThem() throws Exception {
        String wrongPassword = sentinel("wrong-pw");
        String wrongToken = sentinel("wrong-tok");
        Path output = Path.of("target/secrets-test/refused");
        String console = captured(() -> {
            try (PulpSimulator sim = PulpSimulator.start(SimulatorConfig.defaults().withToken(sentinel("right-tok")))) {
                SuiteSettings byPassword = settings(sim, output, Map.of("pulp.username", "admin", "pulp.password", wrongPassword));
                assertThatThrownBy(() -> Clients.connect(byPassword)).isInstanceOf(PulpApiException.class)
                        .hasMessageStartingWith("Pulp refused the credentials of user 'admin' (HTTP 401")
                        .satisfies(SecretsTest::report);
                SuiteSettings byToken = settings(sim, output, Map.of("pulp.token", wrongToken));
                Clients clients = Clients.connect(byToken);  // a token needs no login: refused at the first call
                assertThatThrownBy(() -> runner(sim, byToken, clients).run(byToken.scenarios().get(0), AllureScenarioReport.steps()))
                        .isInstanceOf(PulpApiException.class).hasMessageContaining("but got 401")
                        .satisfies(SecretsTest::report);
            }
        });
        assertThat(console).contains("refused the credentials").contains("Invalid token.");
        assertNowhere(console, wrongPassword, wrongToken);
    }

    @Test
    void sentinelPrometheusCredentialsAppearNowhere() throws Exception {
        String token = sentinel("prom-tok");
        String header = sentinel("prom-hdr");
        String password = sentinel("prom-pw");
        Path output = Path.of("target/secrets-test/prometheus");
        java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean();
        String console = captured(() -> {
            // Token and header: the preflight passes, then every range query gets a 500 page quoting the request's headers.
            try (StubPrometheus stub = new StubPrometheus(headers -> failing.get()
                    ? new StubPrometheus.Answer(500, "<html>Internal error; request headers: " + headers + "</html>")
                    : new StubPrometheus.Answer(200, StubPrometheus.ONE_SAMPLE))) {
                Observers observers = ConfiguredObservers.of(Map.of("pulp.prometheus.url", stub.url(), "pulp.prometheus.token", token,
                        "pulp.prometheus.headers", "X-Scope-OrgID: " + header, "pulp.resources", "pulp-otel", "pulp.prometheus.scrapeInterval", "1s"),
                        Map.of(), Path.of(""));
                observers.preflight().forEach(System.out::println);
                failing.set(true);
                java.time.Instant now = java.time.Instant.now();
                for (Observed o : observers.start("secrets", Duration.ofMinutes(1)).stop(now.minusSeconds(5), now)) {
                    System.out.println(o.console());
                    AllureScenarioReport.attachObserved(o);
                    Files.createDirectories(output);
                    Files.writeString(output.resolve("observed.json"), new com.fasterxml.jackson.databind.ObjectMapper()
                            .findAndRegisterModules().writeValueAsString(o.figures()));
                    assertThat(o.console()).contains("HTTP 500").contains("Authorization: Bearer ***").contains("X-scope-orgid: ***");  // as the JDK server spells it
                }
            }
            // Basic auth refused by a 401 page quoting the request's headers, Basic's base64 included.
            try (StubPrometheus stub = new StubPrometheus(headers -> new StubPrometheus.Answer(401, "denied: " + headers))) {
                Map<String, String> props = Map.of("pulp.prometheus.url", stub.url(), "pulp.prometheus.username", "perf",
                        "pulp.prometheus.headers", "X-Scope-OrgID: " + header, "pulp.resources", "pulp-otel");
                Observers observers = ConfiguredObservers.of(props, Map.of("PULP_PROMETHEUS_PASSWORD", password), Path.of(""));
                assertThatThrownBy(observers::preflight).isInstanceOf(PromUnavailableException.class)
                        .hasMessageContaining("refused the credentials (HTTP 401, basic auth as perf)").hasMessageContaining("Authorization: ***")
                        .satisfies(SecretsTest::report);
            }
        });
        assertNowhere(console, token, header, password,
                java.util.Base64.getEncoder().encodeToString(("perf:" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A failure as the suite's users see it: message on the console, stack trace in Allure. */
    private static void report(Throwable e) {
        System.out.println(e.getMessage());
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        io.qameta.allure.Allure.addAttachment("Failure", "text/plain", trace.toString(), ".txt");
    }

    private static SuiteSettings settings(PulpSimulator sim, Path output, Map<String, String> credentials) {
        Map<String, String> props = new HashMap<>(credentials);
        props.putAll(Map.of("pulp.apiRoot", sim.baseUrl(), "pulp.scenarios", "dist-create-2w", "pulp.tasks", "20",
                "pulp.output", output.toString()));
        SuiteSettings settings = new ConfigLoader(props, Map.of(), Path.of("")).load();
        System.out.println(settings);
        return settings;
    }

    private static ScenarioRunner runner(PulpSimulator sim, SuiteSettings settings, Clients clients) {
        return new ScenarioRunner(settings, clients.api(), clients.dispatcher(),
                new SimulatorWorkers(sim, clients.api(), Duration.ofSeconds(5)), System.out, settings.target().baseUrl().toString());
    }

    /** The whole scenario, with the cleanup's reads answered by 503 pages that quote the request; reported everywhere. */
    private static ScenarioResult runEchoingAtCleanup(PulpSimulator sim, SuiteSettings settings) throws Exception {
        Clients clients = Clients.connect(settings);
        PulpStatus statusAtStart = clients.api().status();  // as the suite does, before the faults
        ScriptedPhases phases = new ScriptedPhases(AllureScenarioReport.steps()).at("Clean up", () -> sim.setFaultPlan(ECHOING_5XX));
        ScenarioResult result = AllureScenarioReport.run(runner(sim, settings, clients), settings.scenarios().get(0), phases);
        AllureScenarioReport.parameters(result.scenario(), settings.target().baseUrl().toString());
        JudgedScenario judged = new JudgedScenario(result, ScenarioChecks.of(result));
        AllureScenarioReport.attach(judged);
        System.out.println(ScenarioSummary.text(result));
        Path output = settings.outputDir();
        Map<String, Object> context = RunContext.of(settings.target(), false, statusAtStart, settings.configFile(),
                java.util.Optional.empty());
        MatrixReport.of(context, List.of(judged)).write(output);
        AllureContextFiles.write(output.resolve("allure-context"), context, Map.of());
        assertThat(result.problems()).as("the 503 page was quoted, scrubbed").anyMatch(p -> p.startsWith("cleanup failed")
                && p.contains("but got 503") && p.contains("***"));
        return result;
    }

    /** What was printed to System.out and System.err while {@code body} ran. */
    private static String captured(ThrowingRunnable body) throws Exception {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            body.run();
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
        return console.toString(StandardCharsets.UTF_8);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void assertNowhere(String console, String... secrets) throws IOException {
        for (String s : secrets) assertThat(console).as("console output").doesNotContain(s);
        List<Path> leaks = new ArrayList<>();
        scan(Path.of("target"), List.of(secrets), leaks);
        scan(Path.of(System.getProperty("allure.results.directory", "allure-results")), List.of(secrets), leaks);
        assertThat(leaks).as("files containing a sentinel secret").isEmpty();
    }

    private static void scan(Path root, List<String> secrets, List<Path> leaks) throws IOException {
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.toFile().length() < 20_000_000).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                if (secrets.stream().anyMatch(text::contains)) leaks.add(f);
            }
        }
    }
}
