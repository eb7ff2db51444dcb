package io.pulpperf.throughput.resources;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the preflight found before any load (issue 21): the label sets each query answered with, and
 * when. A series found here that a scenario's window lacks is named missing, never dropped, and the
 * instant tells where to look for the targets that fed it.
 *
 * @param at     when the preflight's instant queries ran
 * @param series per query name, the label sets of its answer (empty when it answered nothing)
 */
public record PreflightSeries(Instant at, Map<String, List<Map<String, String>>> series) {
    public PreflightSeries {
        series = Map.copyOf(series);
    }

    /** The label sets the query answered with at the preflight; empty when unknown or none. */
    public List<Map<String, String>> of(String query) {
        return series.getOrDefault(query, List.of());
    }

    /** The names of the queries that answered nothing, in the given order. */
    public List<String> empty(List<ResourceQuery> queries) {
        return queries.stream().map(ResourceQuery::name).filter(n -> of(n).isEmpty()).toList();
    }
}
