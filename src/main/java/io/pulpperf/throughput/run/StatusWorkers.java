package io.pulpperf.throughput.run;

import io.pulpperf.throughput.pulp.PulpClient;

/** For a Pulp whose workers the suite cannot scale: reports the online count from status/. */
public final class StatusWorkers implements WorkerControl {
    private final PulpClient client;

    public StatusWorkers(PulpClient client) {
        this.client = client;
    }

    @Override
    public int ensure(int workers) {
        return client.status().workerCount();
    }

    @Override
    public boolean canScale() {
        return false;
    }
}
