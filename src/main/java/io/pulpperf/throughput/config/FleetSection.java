package io.pulpperf.throughput.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a scenario's {@code fleet:} section (issue 20); the schema has checked its keys and types. */
final class FleetSection {
    private FleetSection() {}

    /** -D override of every fleet scenario's {@code fleet.bottleneckAt}. */
    static final String BOTTLENECK_AT_PROPERTY = "pulp.fleet.bottleneckAt";

    /** The section, or null when the scenario has none; {@code bottleneckAt}: the -D override, or null. */
    static FleetSettings read(String where, String key, JsonNode node, String bottleneckAt) {
        if (node.isMissingNode()) return null;
        List<Integer> counts = new ArrayList<>();
        node.path("counts").forEach(c -> counts.add(c.asInt()));
        double at = node.path("bottleneckAt").isNumber() ? node.path("bottleneckAt").asDouble() : FleetSettings.DEFAULT_BOTTLENECK_AT;
        if (bottleneckAt != null && !bottleneckAt.isBlank()) {
            try {
                at = Double.parseDouble(bottleneckAt.trim());
            } catch (NumberFormatException e) {
                throw new ConfigException("-D" + BOTTLENECK_AT_PROPERTY + ": expected a number such as 0.8 (a share of a resource's limit), was '"
                        + bottleneckAt + "'");
            }
        }
        try {
            return new FleetSettings(counts, duration(node.path("hold"), Duration.ofMinutes(5)), duration(node.path("interval"), Duration.ofSeconds(5)), at);
        } catch (IllegalArgumentException e) {
            throw new ConfigException((bottleneckAt != null ? "-D" + BOTTLENECK_AT_PROPERTY + " / " : "") + where + ": " + key + ": " + e.getMessage());
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
