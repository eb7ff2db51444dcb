package io.pulpperf.throughput.run;

import io.pulpperf.throughput.pulp.PulpClient;
import io.pulpperf.throughput.sim.PulpSimulator;
import java.time.Duration;
import org.awaitility.Awaitility;

/** Scales the embedded simulator's workers in-process, then waits until status/ shows the count. */
public final class SimulatorWorkers implements WorkerControl {
    private final PulpSimulator simulator;
    private final PulpClient client;
    private final Duration timeout;

    public SimulatorWorkers(PulpSimulator simulator, PulpClient client, Duration timeout) {
        this.simulator = simulator;
        this.client = client;
        this.timeout = timeout;
    }

    @Override
    public int ensure(int workers) {
        simulator.setWorkers(workers);
        int[] seen = {-1};
        Awaitility.await("status/ to show " + workers + " online workers")
                .atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(() -> (seen[0] = client.status().workerCount()) == workers);
        return seen[0];
    }

    @Override
    public boolean canScale() {
        return true;
    }
}
