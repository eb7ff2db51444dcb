package io.pulpperf.throughput.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a scenario's {@code fleet:} section (issue 20); the schema has checked its keys and types. */
final class FleetSection {
    private FleetSection() {}

    /** The section, or null when the scenario has none. */
    static FleetSettings read(String where, String key, JsonNode node) {
        if (node.isMissingNode()) return null;
        List<Integer> counts = new ArrayList<>();
        node.path("counts").forEach(c -> counts.add(c.asInt()));
        try {
            return new FleetSettings(counts, duration(node.path("hold"), Duration.ofMinutes(5)), duration(node.path("interval"), Duration.ofSeconds(5)));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + key + ": " + e.getMessage());
        }
    }

    /** The largest count: the scenario's worker count when it names none. */
    static int largest(JsonNode node) {
        int max = -1;
        for (JsonNode c : node.path("counts")) max = Math.max(max, c.asInt());
        return max;
    }

    private static Duration duration(JsonNode v, Duration fallback) {
        return v.isMissingNode() ? fallback : Durations.parse(v.asText());
    }
}
