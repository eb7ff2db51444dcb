package io.pulpperf.throughput.sim;

import java.util.List;
import java.util.UUID;

/** An immutable copy of a simulated task, taken under the engine's lock, for serialising ({@code seq}: creation order from 0). */
record TaskSnapshot(
        UUID id,
        long seq,
        String name,
        String domain,
        String state,
        String loggingCid,
        String createdBy,
        long createdMicros,
        Long unblockedMicros,
        Long startedMicros,
        Long finishedMicros,
        String errorDescription,
        String errorTraceback,
        List<String> createdResources,
        Object result,
        List<String> exclusiveResources,
        List<String> sharedResources) {

    /** {@code reserved_resources_record} as Pulp stores it: exclusive plain, shared with a prefix. */
    List<String> reservedResourcesRecord() {
        List<String> record = new java.util.ArrayList<>(exclusiveResources);
        sharedResources.forEach(r -> record.add("shared:" + r));
        return record;
    }
}
