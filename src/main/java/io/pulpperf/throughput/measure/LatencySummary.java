package io.pulpperf.throughput.measure;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency part, in microseconds, to HdrHistogram's 3 significant digits.
 *
 * @param count number of tasks that had this part
 */
public record LatencySummary(long count, long p50, long p90, long p95, long p99, long p999, long max, double mean) {

    public static LatencySummary of(Histogram h) {
        if (h.getTotalCount() == 0) return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);
        return new LatencySummary(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(95), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue(),
                h.getMean());
    }
}
