package io.pulpperf.throughput.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The simulated {@code core_task} table and its indexes: by primary key, and per domain in
 * {@code pulp_created} order, overall and per {@code logging_cid}. Tasks are only ever appended
 * with increasing {@code pulp_created}, so every list stays sorted and range bounds are a
 * binary search away. Only touched under the {@link TaskEngine}'s lock.
 */
final class TaskIndex {
    private final Map<UUID, SimTask> byId = new HashMap<>();
    private final Map<String, List<SimTask>> byDomain = new HashMap<>();
    private final Map<String, Map<String, List<SimTask>>> byDomainCid = new HashMap<>();

    void add(SimTask task) {
        byId.put(task.id, task);
        byDomain.computeIfAbsent(task.domain, d -> new ArrayList<>()).add(task);
        byDomainCid.computeIfAbsent(task.domain, d -> new HashMap<>())
                .computeIfAbsent(task.loggingCid, c -> new ArrayList<>()).add(task);
    }

    /** Removes a task (DELETE tasks/{id}/); linear in the domain's size, which is fine for a rare call. */
    void remove(SimTask task) {
        byId.remove(task.id);
        byDomain.getOrDefault(task.domain, new ArrayList<>()).remove(task);
        byDomainCid.getOrDefault(task.domain, Map.of()).getOrDefault(task.loggingCid, new ArrayList<>()).remove(task);
    }

    SimTask get(UUID id) {
        return byId.get(id);
    }

    int size() {
        return byId.size();
    }

    /** All tasks of a domain, oldest first. */
    List<SimTask> inDomain(String domain) {
        return byDomain.getOrDefault(domain, List.of());
    }

    /** The tasks of a domain with this {@code logging_cid}, oldest first. */
    List<SimTask> withCid(String domain, String cid) {
        return byDomainCid.getOrDefault(domain, Map.of()).getOrDefault(cid, List.of());
    }
}
