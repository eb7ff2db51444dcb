package io.pulpperf.throughput.config;

import java.time.Duration;
import java.util.Map;

/**
 * How the embedded simulator behaves when no {@code pulp.apiRoot} is given.
 *
 * @param serviceTimes service time by task name, e.g. {@code general_create: 40ms}
 * @param failureRate  share of tasks that fail, in [0, 1]
 * @param contention            how its workers slow each other down (issue 22); none by default
 * @param workerTtl             the simulated WORKER_TTL; workers beat every third of it (issue 20)
 * @param heartbeatLag          added to every heartbeat period (late heartbeats)
 * @param heartbeatLagPerWorker added to every period per worker online (a database loaded by the fleet)
 */
public record SimulatorSettings(Map<String, String> serviceTimes, double failureRate, Contention contention,
                                Duration workerTtl, Duration heartbeatLag, Duration heartbeatLagPerWorker) {
    private static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

    public SimulatorSettings {
        serviceTimes = Map.copyOf(serviceTimes);
        if (contention == null) contention = Contention.NONE;
        if (workerTtl == null) workerTtl = DEFAULT_TTL;
        if (heartbeatLag == null) heartbeatLag = Duration.ZERO;
        if (heartbeatLagPerWorker == null) heartbeatLagPerWorker = Duration.ZERO;
    }

    /**
     * The simulator's USL knobs (its {@code WorkerContention}): a task's run time is stretched by
     * 1 + sigma (n - 1) + kappa n (n - 1) for the n workers busy.
     */
    public record Contention(double sigma, double kappa) {
        public static final Contention NONE = new Contention(0, 0);
    }

    public SimulatorSettings(Map<String, String> serviceTimes, double failureRate) {
        this(serviceTimes, failureRate, Contention.NONE, DEFAULT_TTL, Duration.ZERO, Duration.ZERO);
    }

    public static SimulatorSettings defaults() {
        return new SimulatorSettings(Map.of(), 0.0);
    }
}
