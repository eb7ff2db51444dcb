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
 * @param coverage share of the expected samples over the window that Prometheus returned (0..1), null when not judged
 * @param gaps     where samples are missing, seconds from the first task created
 */
public record ResourceStats(String name, ResourceRole role, ResourceUnit unit, double peak, double mean, double p95, int samples,
                            boolean windowed, Double max, Double coverage, java.util.List<SeriesGap> gaps) {
    public ResourceStats {
        gaps = gaps == null ? java.util.List.of() : java.util.List.copyOf(gaps);
    }

    /** Without a coverage judgement (figures from a stub or a baseline file). */
    public ResourceStats(String name, ResourceRole role, ResourceUnit unit, double peak, double mean, double p95, int samples, boolean windowed,
                         Double max) {
        this(name, role, unit, peak, mean, p95, samples, windowed, max, null, null);
    }

    /** Below {@link SeriesCoverage#PARTIAL_BELOW} of its samples: its figures say less than they seem. */
    public boolean partial() {
        return coverage != null && coverage < SeriesCoverage.PARTIAL_BELOW;
    }

    /** With its coverage: figures from the window's samples only (never the widened range's), partial or missing as found. */
    public static ResourceStats of(ResourceSeries s, long fromMillis, long toMillis, SeriesCoverage c) {
        ResourceStats plain = of(s, fromMillis, toMillis);
        if (!plain.windowed()) {
            // Samples only outside the window would stand in for it: with coverage known, say missing instead.
            return missing(s.name(), s.role(), s.unit(), s.max(), c);
        }
        return new ResourceStats(plain.name(), plain.role(), plain.unit(), plain.peak(), plain.mean(), plain.p95(), plain.samples(),
                true, plain.max(), c.coverage(), c.gaps());
    }

    /** A series (or a query) with no sample in the window. */
    public static ResourceStats missing(String name, ResourceRole role, ResourceUnit unit, Double max, SeriesCoverage c) {
        return new ResourceStats(name, role, unit, Double.NaN, Double.NaN, Double.NaN, 0, false, max, 0.0, c.gaps());
    }

    /** @param fromMillis window start, epoch ms; @param toMillis window end */
    public static ResourceStats of(ResourceSeries s, long fromMillis, long toMillis) {
        double[] in = values(s, fromMillis, toMillis);
        boolean windowed = in.length > 0;
        double[] used = windowed ? in : values(s, Long.MIN_VALUE, Long.MAX_VALUE);
        if (used.length == 0) return new ResourceStats(s.name(), s.role(), s.unit(), Double.NaN, Double.NaN, Double.NaN, 0, false, s.max(), null, null);
        double[] sorted = used.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(used).sum() / used.length;
        int rank = (int) Math.ceil(0.95 * sorted.length);
        return new ResourceStats(s.name(), s.role(), s.unit(), sorted[sorted.length - 1], mean, sorted[Math.max(0, rank - 1)], used.length,
                windowed, s.max(), null, null);
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
