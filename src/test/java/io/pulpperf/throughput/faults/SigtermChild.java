package io.pulpperf.throughput.faults;

import io.pulpperf.throughput.config.ConfigLoader;
import io.pulpperf.throughput.config.SuiteSettings;
import io.pulpperf.throughput.run.Clients;
import io.pulpperf.throughput.run.Phases;
import io.pulpperf.throughput.run.ScenarioRunner;
import io.pulpperf.throughput.run.StatusWorkers;
import java.nio.file.Path;
import java.util.Map;

/**
 * The suite in a JVM of its own, for {@link SigtermTest}: runs the one scenario of a matrix file
 * against a running server until it is stopped. Arguments: API root, matrix file, output folder.
 */
public final class SigtermChild {
    private SigtermChild() {}

    public static void main(String[] args) throws Exception {
        SuiteSettings settings = new ConfigLoader(Map.of("pulp.apiRoot", args[0], "pulp.config", args[1], "pulp.output", args[2],
                "pulp.username", "admin", "pulp.password", "password"), Map.of(), Path.of("")).load();
        Clients clients = Clients.connect(settings);
        ScenarioRunner runner = new ScenarioRunner(settings, clients.api(), clients.dispatcher(), new StatusWorkers(clients.api()),
                System.out, args[0]);
        System.out.println("dispatching");
        runner.run(settings.scenarios().get(0), Phases.silent());
    }
}
