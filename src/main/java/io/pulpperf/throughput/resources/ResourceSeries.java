package io.pulpperf.throughput.resources;

import java.util.Map;

/**
 * One series as reported: a query's answer, or one of its answers when it returns several.
 *
 * @param name   the name in the report (the query's, or its legend filled with the series' labels)
 * @param query  the query's name
 * @param unit   what the values are in
 * @param role   the part of Pulp it measures
 * @param max    the threshold on its peak, or null
 * @param labels the series' labels from Prometheus
 * @param millis sample times, epoch milliseconds, ascending
 * @param values sample values
 */
public record ResourceSeries(String name, String query, ResourceUnit unit, ResourceRole role, Double max,
                             Map<String, String> labels, long[] millis, double[] values) {
    public ResourceSeries {
        labels = Map.copyOf(labels);
    }
}
