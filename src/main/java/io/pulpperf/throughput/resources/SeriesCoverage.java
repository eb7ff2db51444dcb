package io.pulpperf.throughput.resources;

import java.util.ArrayList;
import java.util.List;

/**
 * How much of a series Prometheus returned over the tasks' window (issue 21): a target that was
 * down leaves holes, not zeros, and a peak read from a series with holes says less than it seems.
 * The expected samples are the range query's grid (start + k x step) inside the window.
 *
 * @param coverage share of the expected samples present, 0..1
 * @param expected grid points inside the window
 * @param present  of those, how many carry a finite value
 * @param gaps     runs of missing grid points, on the task timeline's axis
 */
public record SeriesCoverage(double coverage, int expected, int present, List<SeriesGap> gaps) {
    /** Below this share a series is partial, and its figures are marked as such wherever shown. */
    public static final double PARTIAL_BELOW = 0.9;

    public SeriesCoverage {
        gaps = List.copyOf(gaps);
    }

    public boolean partial() {
        return coverage < PARTIAL_BELOW;
    }

    public boolean missing() {
        return present == 0;
    }

    /** Nothing at all over the window: every grid point is one gap. */
    static SeriesCoverage none(long rangeFromMs, long stepMs, long windowFromMs, long windowToMs, long zeroMs) {
        return of(new long[0], new double[0], rangeFromMs, stepMs, windowFromMs, windowToMs, zeroMs);
    }

    /**
     * @param millis      sample times (epoch ms) as the range query returned them
     * @param values      their values; NaN and infinities count as missing
     * @param rangeFromMs the range query's start: the grid's origin
     * @param stepMs      the range query's step
     * @param windowFromMs the tasks' window start; @param windowToMs its end
     * @param zeroMs      the task timeline's 0 s, for the gaps' offsets
     */
    public static SeriesCoverage of(long[] millis, double[] values, long rangeFromMs, long stepMs, long windowFromMs, long windowToMs,
                                    long zeroMs) {
        long step = Math.max(1, stepMs);
        long first = Math.max(0, ceilDiv(windowFromMs - rangeFromMs, step));
        long last = Math.floorDiv(windowToMs - rangeFromMs, step);
        int expected = (int) Math.max(0, last - first + 1);
        boolean[] seen = new boolean[expected];
        for (int i = 0; i < millis.length; i++) {
            if (Double.isNaN(values[i]) || Double.isInfinite(values[i])) continue;
            // Timestamps come back as seconds with three decimals: round onto the grid.
            long k = Math.round((millis[i] - rangeFromMs) / (double) step) - first;
            if (k >= 0 && k < expected) seen[(int) k] = true;
        }
        int present = 0;
        List<SeriesGap> gaps = new ArrayList<>();
        int gapStart = -1;
        for (int k = 0; k <= expected; k++) {
            boolean here = k < expected && seen[k];
            if (k < expected && here) present++;
            if (k < expected && !here && gapStart < 0) gapStart = k;
            if ((here || k == expected) && gapStart >= 0) {
                gaps.add(new SeriesGap(offset(rangeFromMs + (first + gapStart) * step, zeroMs), offset(rangeFromMs + (first + k - 1) * step, zeroMs)));
                gapStart = -1;
            }
        }
        // A window shorter than one step holds no grid point: judge by whether the range had anything.
        double coverage = expected == 0 ? (millis.length > 0 ? 1.0 : 0.0) : present / (double) expected;
        return new SeriesCoverage(coverage, expected, present, gaps);
    }

    /** "38% of the expected samples (23 of 61); none from +18.0 s to +79.0 s". */
    public String describe() {
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT, "%.0f%% of the expected samples (%d of %d)",
                coverage * 100, present, expected));
        int shown = Math.min(3, gaps.size());
        for (int i = 0; i < shown; i++) {
            SeriesGap g = gaps.get(i);
            out.append(i == 0 ? "; none " : ", ").append(String.format(java.util.Locale.ROOT, "from %+.1f s to %+.1f s", g.from(), g.to()));
        }
        if (gaps.size() > shown) out.append(" (+").append(gaps.size() - shown).append(" more gaps)");
        return out.toString();
    }

    private static double offset(long ms, long zeroMs) {
        return (ms - zeroMs) / 1000.0;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
