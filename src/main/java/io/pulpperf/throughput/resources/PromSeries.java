package io.pulpperf.throughput.resources;

import java.util.Map;

/**
 * One series of a query's answer.
 *
 * @param labels its labels (the metric name under __name__ when kept)
 * @param millis sample times, epoch milliseconds, ascending
 * @param values sample values (NaN where Prometheus said NaN)
 */
public record PromSeries(Map<String, String> labels, long[] millis, double[] values) {
    public PromSeries {
        labels = Map.copyOf(labels);
    }

    public int size() {
        return millis.length;
    }
}
