package io.pulpperf.throughput.run;

import io.pulpperf.throughput.config.Credentials;
import io.pulpperf.throughput.config.Limits;
import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.SimulatorSettings;
import io.pulpperf.throughput.config.SuiteSettings;
import io.pulpperf.throughput.config.Target;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.config.WorkerMismatch;
import io.pulpperf.throughput.config.WorkerScaling;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.load.DispatchRecord;
import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.pulp.PulpTime;
import io.pulpperf.throughput.sim.PulpSimulator;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/** A simulator plus everything the runner needs, for tests that run whole scenarios in-process. */
public final class SimulatedRun implements AutoCloseable {
    /**
     * Timeouts and tries for tests: quick to give up, the default one-minute grace. The in-process
     * simulator answers in milliseconds, so a 5 s read timeout is still generous; it also bounds the
     * cleanup's settle (a run that ended unclear confirms a clean listing one read timeout later),
     * which with the default 30 s cost every such test half a minute of sleep.
     */
    public static final Limits TEST_LIMITS = new Limits(Duration.ofSeconds(5), Duration.ofSeconds(5), 4, 5, Duration.ofMinutes(1));

    public final PulpSimulator simulator;
    public final SuiteSettings settings;
    public final PulpClient client;
    public final ScenarioRunner runner;
    /** What the runner printed (progress lines, and what a failed run's cleanup left). */
    public final ByteArrayOutputStream console = new ByteArrayOutputStream();

    public SimulatedRun(SimulatorConfig config, Path outputDir) {
        this(config, outputDir, TEST_LIMITS);
    }

    public SimulatedRun(SimulatorConfig config, Path outputDir, Limits limits) {
        this(config, outputDir, limits, null);
    }

    /** @param domain the domain to measure in, for a simulator with domains on; null otherwise */
    public SimulatedRun(SimulatorConfig config, Path outputDir, Limits limits, String domain) {
        this(config, outputDir, limits, domain, io.pulpperf.throughput.sim.SimLog.NONE);
    }

    /** @param log where the simulator writes its pulpcore-format logs (issue 26) */
    public SimulatedRun(SimulatorConfig config, Path outputDir, Limits limits, String domain, io.pulpperf.throughput.sim.SimLog log) {
        simulator = PulpSimulator.start(config, log);
        Target target = new Target(URI.create(simulator.baseUrl()), config.apiPath(), domain,
                new Credentials(config.username(), config.password()));
        settings = new SuiteSettings(Path.of("test"), target, Duration.ofMillis(50), 1000, WorkerMismatch.SKIP, outputDir,
                SimulatorSettings.defaults(), true, WorkerScaling.none(), Duration.ofSeconds(30), List.of(), limits);
        Clients clients = Clients.connect(settings);
        client = clients.api();
        runner = new ScenarioRunner(settings, client, clients.dispatcher(),
                new SimulatorWorkers(simulator, client, Duration.ofSeconds(10)),
                new PrintStream(console, true, StandardCharsets.UTF_8), "simulator");
    }

    public static Scenario scenario(String name, Workload workload, int workers, int tasks, int concurrency) {
        return Scenario.of(name, workload, workers, tasks, concurrency, Duration.ofSeconds(60), new Thresholds(0, 0, 0));
    }

    public ScenarioResult run(Scenario scenario) throws Exception {
        return runner.run(scenario, Phases.silent());
    }

    public ScenarioResult run(Scenario scenario, Phases phases) throws Exception {
        return runner.run(scenario, phases);
    }

    /** The dispatch log a run wrote, read back in sequence order. */
    public List<DispatchRecord> dispatchLog(ScenarioResult r) throws IOException {
        return Files.readAllLines(r.dispatchCsv()).stream().skip(1).map(line -> {
            String[] f = line.split(",", -1);
            return new DispatchRecord(Integer.parseInt(f[0]), PulpTime.parseMicros(f[1]), PulpTime.parseMicros(f[2]),
                    f[3].isEmpty() ? -1 : Math.round(Double.parseDouble(f[3]) * 1000), Integer.parseInt(f[4]),
                    f[6].isEmpty() ? null : f[6], Long.parseLong(f[5]), true, null, f[7].isEmpty() ? null : f[7]);
        }).sorted(Comparator.comparingInt(DispatchRecord::seq)).toList();  // written as answered
    }

    @Override
    public void close() {
        simulator.close();
    }
}
