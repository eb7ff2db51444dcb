package io.pulpperf.throughput.config;

import java.util.Map;

/**
 * How the embedded simulator behaves when no {@code pulp.apiRoot} is given.
 *
 * @param serviceTimes service time by task name, e.g. {@code general_create: 40ms}
 * @param failureRate  share of tasks that fail, in [0, 1]
 */
public record SimulatorSettings(Map<String, String> serviceTimes, double failureRate) {
    public SimulatorSettings {
        serviceTimes = Map.copyOf(serviceTimes);
    }

    public static SimulatorSettings defaults() {
        return new SimulatorSettings(Map.of(), 0.0);
    }
}
