package io.pulpperf.throughput.resources;

import java.util.Map;

/**
 * A series with no sample in a scenario's window (issue 21): its query answered with nothing, or
 * without a series the preflight found. Named in the report as missing, never dropped.
 *
 * @param query  the query that should have returned it
 * @param name   its name in the report
 * @param labels its labels at the preflight; empty when the preflight did not find it either
 */
record MissingSeries(ResourceQuery query, String name, Map<String, String> labels) {
    MissingSeries {
        labels = Map.copyOf(labels);
    }
}
