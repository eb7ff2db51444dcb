package io.pulpperf.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.ConfigLoader;
import io.pulpperf.throughput.config.SuiteSettings;
import io.pulpperf.throughput.load.Dispatcher;
import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.report.AllureContextFiles;
import io.pulpperf.throughput.report.JudgedScenario;
import io.pulpperf.throughput.report.MatrixReport;
import io.pulpperf.throughput.report.RunContext;
import io.pulpperf.throughput.report.ScenarioChecks;
import io.pulpperf.throughput.report.ScenarioSummary;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.run.ScenarioRunner;
import io.pulpperf.throughput.run.SimulatorWorkers;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A whole scenario with sentinel secrets (password, identity header): none may reach the
 * console, the Allure results or any file under target/.
 */
class SecretsTest {
    @Test
    void sentinelCredentialsAppearNowhere() throws Exception {
        // Made at run time, so the compiled test classes under target/ do not contain them.
        String password = "pw-" + UUID.randomUUID();
        String identity = "id-" + UUID.randomUUID();
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        Path output = Path.of("target/secrets-test");
        try (PulpSimulator sim = PulpSimulator.start(SimulatorConfig.defaults().withCredentials("admin", password)
                .withDefaultServiceTime("2ms"))) {
            System.setOut(capture);
            System.setErr(capture);
            SuiteSettings settings = new ConfigLoader(Map.of("pulp.apiRoot", sim.baseUrl(), "pulp.username", "admin",
                    "pulp.password", password, "pulp.identityHeader", identity, "pulp.scenarios", "dist-create-2w",
                    "pulp.tasks", "20", "pulp.output", output.toString()), Map.of(), Path.of("")).load();
            System.out.println(settings);
            PulpClient client = new PulpClient(settings.target(), Duration.ofSeconds(2), Duration.ofSeconds(10));
            client.login();
            ScenarioRunner runner = new ScenarioRunner(settings, client,
                    new Dispatcher(Dispatcher.newHttpClient(Duration.ofSeconds(2)), client.auth(), Duration.ofSeconds(10)),
                    new SimulatorWorkers(sim, client, Duration.ofSeconds(5)), System.out, settings.target().baseUrl().toString());
            ScenarioResult result = runner.run(settings.scenarios().get(0), AllureScenarioReport.steps());
            AllureScenarioReport.parameters(result.scenario(), settings.target().baseUrl().toString());
            JudgedScenario judged = new JudgedScenario(result, ScenarioChecks.of(result));
            AllureScenarioReport.attach(judged);
            System.out.println(ScenarioSummary.text(result));
            Map<String, Object> context = RunContext.of(settings.target(), false, client.status(), settings.configFile(),
                    java.util.Optional.empty());
            MatrixReport.of(context, List.of(judged)).write(output);
            AllureContextFiles.write(output.resolve("allure-context"), context, Map.of());
            assertThat(result.metrics().completed()).isEqualTo(20);
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("dist-create-2w").doesNotContain(password).doesNotContain(identity);
        List<Path> leaks = new ArrayList<>();
        scan(Path.of("target"), List.of(password, identity), leaks);
        scan(Path.of(System.getProperty("allure.results.directory", "allure-results")), List.of(password, identity), leaks);
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
