package io.pulpperf.throughput.pulp;

import java.util.List;
import java.util.Map;

/**
 * What {@code status/} says about the installation.
 *
 * @param versions            component to version, e.g. core -> 3.105.16
 * @param onlineWorkers       names of online task workers
 * @param onlineApiApps       names of online API processes
 * @param onlineContentApps   names of online content processes
 * @param databaseConnected   {@code database_connection.connected}
 * @param domainEnabled       {@code domain_enabled}
 */
public record PulpStatus(Map<String, String> versions, List<String> onlineWorkers, List<String> onlineApiApps,
                         List<String> onlineContentApps, boolean databaseConnected, boolean domainEnabled) {
    public int workerCount() {
        return onlineWorkers.size();
    }

    public String coreVersion() {
        return versions.getOrDefault("core", "unknown");
    }
}
