package io.pulpperf.throughput.config;

import java.time.Duration;

/**
 * How the suite changes the number of task workers of a real Pulp.
 *
 * @param command template run with {@code sh -c} with {@code {workers}} replaced, e.g.
 *                {@code oc scale deployment/pulp-worker --replicas={workers}}; null = cannot scale
 * @param timeout bound on the command plus the wait for status/ to show exactly that many workers
 */
public record WorkerScaling(String command, Duration timeout) {
    public WorkerScaling {
        if (command != null && !command.contains("{workers}")) {
            throw new IllegalArgumentException("-Dpulp.workers.scaleCommand must contain {workers}, e.g. "
                    + "'oc scale deployment/pulp-worker --replicas={workers}', was '" + command + "'");
        }
    }

    public static WorkerScaling none() {
        return new WorkerScaling(null, Duration.ofMinutes(5));
    }
}
