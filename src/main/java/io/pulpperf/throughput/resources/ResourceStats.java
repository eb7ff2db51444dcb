package io.pulpperf.throughput.resources;

import java.util.Arrays;

/**
 * Peak, mean and p95 of one series over the tasks' window.
 *
 * @param name     the series
 * @param role     its role
 * @param unit     its unit
 * @param peak     highest value, NaN without samples
 * @param mean     mean value, NaN without samples
 * @param p95      95th percentile (nearest rank), NaN without samples
 * @param samples  samples the figures come from
 * @param windowed whether they are the window's samples (false: the window held none, so all were used)
 * @param max      the threshold on the peak, or null
 */
public record ResourceStats(String name, ResourceRole role, ResourceUnit unit, double peak, double mean, double p95, int samples,
                            boolean windowed, Double max) {

    /** @param fromMillis window start, epoch ms; @param toMillis window end */
    public static ResourceStats of(ResourceSeries s, long fromMillis, long toMillis) {
        double[] in = values(s, fromMillis, toMillis);
        boolean windowed = in.length > 0;
        double[] used = windowed ? in : values(s, Long.MIN_VALUE, Long.MAX_VALUE);
        if (used.length == 0) return new ResourceStats(s.name(), s.role(), s.unit(), Double.NaN, Double.NaN, Double.NaN, 0, false, s.max());
        double[] sorted = used.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(used).sum() / used.length;
        int rank = (int) Math.ceil(0.95 * sorted.length);
        return new ResourceStats(s.name(), s.role(), s.unit(), sorted[sorted.length - 1], mean, sorted[Math.max(0, rank - 1)], used.length,
                windowed, s.max());
    }

    // NaN samples (a division by zero in the query) carry no figure.
    private static double[] values(ResourceSeries s, long from, long to) {
        int n = 0;
        double[] out = new double[s.values().length];
        for (int i = 0; i < s.values().length; i++) {
            if (s.millis()[i] >= from && s.millis()[i] <= to && !Double.isNaN(s.values()[i]) && !Double.isInfinite(s.values()[i])) {
                out[n++] = s.values()[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Peak by series name from the observers' reports (the Prometheus one's), for the baseline comparison. */
    public static java.util.Map<String, Double> peaks(java.util.List<io.pulpperf.throughput.observe.Observed> observed) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (var o : observed) {
            if (o.figures().get("series") instanceof java.util.List<?> list) {
                for (Object x : list) if (x instanceof ResourceStats s && s.samples() > 0) out.put(s.name(), s.peak());
            }
        }
        return out;
    }
}
