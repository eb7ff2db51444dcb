package io.pulpperf.throughput.config;

import java.util.Map;

/**
 * How the embedded simulator behaves when no {@code pulp.apiRoot} is given.
 *
 * @param serviceTimes service time by task name, e.g. {@code general_create: 40ms}
 * @param failureRate  share of tasks that fail, in [0, 1]
 * @param workerTtl             the simulated WORKER_TTL; workers beat every third of it (issue 20)
 * @param heartbeatLag          added to every heartbeat period (late heartbeats)
 * @param heartbeatLagPerWorker added to every period per worker online (a database loaded by the fleet)
 */
public record SimulatorSettings(Map<String, String> serviceTimes, double failureRate, java.time.Duration workerTtl,
                                java.time.Duration heartbeatLag, java.time.Duration heartbeatLagPerWorker) {
    public SimulatorSettings {
        serviceTimes = Map.copyOf(serviceTimes);
    }

    public SimulatorSettings(Map<String, String> serviceTimes, double failureRate) {
        this(serviceTimes, failureRate, java.time.Duration.ofSeconds(30), java.time.Duration.ZERO, java.time.Duration.ZERO);
    }

    public static SimulatorSettings defaults() {
        return new SimulatorSettings(Map.of(), 0.0);
    }
}
