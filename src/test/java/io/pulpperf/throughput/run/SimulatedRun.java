package io.pulpperf.throughput.run;

import io.pulpperf.throughput.config.Credentials;
import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.SimulatorSettings;
import io.pulpperf.throughput.config.SuiteSettings;
import io.pulpperf.throughput.config.Target;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.config.WorkerMismatch;
import io.pulpperf.throughput.config.WorkerScaling;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.load.Dispatcher;
import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.sim.PulpSimulator;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A simulator plus everything the runner needs, for tests that run whole scenarios in-process. */
final class SimulatedRun implements AutoCloseable {
    final PulpSimulator simulator;
    final SuiteSettings settings;
    final PulpClient client;
    final ScenarioRunner runner;

    SimulatedRun(SimulatorConfig config, Path outputDir) {
        simulator = PulpSimulator.start(config);
        Target target = new Target(URI.create(simulator.baseUrl()), config.apiPath(), null,
                new Credentials(config.username(), config.password()));
        settings = new SuiteSettings(Path.of("test"), target, Duration.ofMillis(50), 1000, WorkerMismatch.SKIP, outputDir,
                SimulatorSettings.defaults(), true, WorkerScaling.none(), Duration.ofSeconds(30), List.of());
        client = new PulpClient(target, Duration.ofSeconds(5), Duration.ofSeconds(30));
        client.login();
        Dispatcher dispatcher = new Dispatcher(Dispatcher.newHttpClient(Duration.ofSeconds(5)), client.auth(), Duration.ofSeconds(30));
        runner = new ScenarioRunner(settings, client, dispatcher, new SimulatorWorkers(simulator, client, Duration.ofSeconds(10)),
                new PrintStream(OutputStream.nullOutputStream()), "simulator");
    }

    static Scenario scenario(String name, Workload workload, int workers, int tasks, int concurrency) {
        return Scenario.of(name, workload, workers, tasks, concurrency, Duration.ofSeconds(60), new Thresholds(0, 0, 0));
    }

    ScenarioResult run(Scenario scenario) throws Exception {
        return runner.run(scenario, Phases.silent());
    }

    /** The dispatch log a run wrote, read back in sequence order. */
    List<io.pulpperf.throughput.load.DispatchRecord> dispatchLog(ScenarioResult r) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(r.dispatchCsv()).stream().skip(1).map(line -> {
            String[] f = line.split(",", -1);
            return new io.pulpperf.throughput.load.DispatchRecord(Integer.parseInt(f[0]),
                    io.pulpperf.throughput.pulp.PulpTime.parseMicros(f[1]), io.pulpperf.throughput.pulp.PulpTime.parseMicros(f[2]),
                    f[3].isEmpty() ? -1 : Math.round(Double.parseDouble(f[3]) * 1000), Integer.parseInt(f[4]),
                    f[6].isEmpty() ? null : f[6], Long.parseLong(f[5]), true, null, f[7].isEmpty() ? null : f[7]);
        }).sorted(java.util.Comparator.comparingInt(io.pulpperf.throughput.load.DispatchRecord::seq)).toList();  // written as answered
    }

    @Override
    public void close() {
        simulator.close();
    }
}
