package io.pulpperf.throughput.sim;

import java.util.UUID;

/** A simulated {@code pulpcore-worker} process: runs one task at a time. */
final class SimWorker {
    final UUID id;
    final String name;
    final long startedMicros;
    SimTask current;
    boolean stopping;

    SimWorker(UUID id, String name, long startedMicros) {
        this.id = id;
        this.name = name;
        this.startedMicros = startedMicros;
    }

    /** Pulp workers heartbeat every WORKER_TTL/3 = 10 s; the last beat is the latest multiple. */
    long lastHeartbeatMicros(long nowMicros) {
        long period = 10_000_000L;
        return startedMicros + ((nowMicros - startedMicros) / period) * period;
    }
}
