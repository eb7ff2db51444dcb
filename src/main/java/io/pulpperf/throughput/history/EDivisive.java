package io.pulpperf.throughput.history;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Change points of a series by E-divisive means: D. S. Matteson and N. A. James, "A Nonparametric
 * Approach for Multiple Change Point Analysis of Multivariate Data", JASA 109(505), 2014; used on
 * nightly performance series by D. Daly et al., "The Use of Change Point Detection to Identify
 * Software Performance Regressions in a Continuous Integration System", ICPE 2020 (MongoDB; the
 * method behind Hunter, now Apache Otava).
 *
 * <p>Why this method: it assumes no distribution (task figures are skewed), finds several shifts in
 * one series by bisection, and its significance comes from a permutation test on the series itself,
 * so a noisy series needs a bigger shift. Here with alpha = 1 (the paper's usual choice), univariate,
 * bisection on the segment with the most significant split, each split tested against {@code
 * permutations} shuffles of its own segment. Daly et al. note the permutation test makes results
 * vary run to run; the shuffles here are seeded, so one series always gives the same points.
 */
public final class EDivisive {
    private final int minSegment;
    private final int permutations;
    private final double significance;
    private final long seed;

    /**
     * @param minSegment   fewest points on either side of a change point, >= 2
     * @param permutations shuffles per tested split
     * @param significance largest permutation p-value that accepts a split
     * @param seed         seed of the shuffles
     */
    public EDivisive(int minSegment, int permutations, double significance, long seed) {
        if (minSegment < 2) throw new IllegalArgumentException("minSegment must be >= 2");
        this.minSegment = minSegment;
        this.permutations = permutations;
        this.significance = significance;
        this.seed = seed;
    }

    /** Three points a side, 199 shuffles, p <= 0.01. */
    public static EDivisive defaults() {
        return new EDivisive(3, 199, 0.01, 19L);
    }

    /**
     * A change point: the series changed between index - 1 and index.
     *
     * @param index   first point of the new segment
     * @param pValue  its permutation p-value
     */
    public record ChangePoint(int index, double pValue) {}

    /** The change points of the series, by index. */
    public List<ChangePoint> changePoints(double[] series) {
        List<ChangePoint> found = new ArrayList<>();
        List<int[]> segments = new ArrayList<>();
        segments.add(new int[] {0, series.length});
        SplittableRandom random = new SplittableRandom(seed);
        // Bounded: every accepted split makes two segments of at least minSegment points.
        for (int round = 0; round < series.length; round++) {
            int[] bestSegment = null;
            Split best = null;
            for (int[] seg : segments) {
                Split s = bestSplit(series, seg[0], seg[1]);
                if (s != null && (best == null || s.q > best.q)) {
                    best = s;
                    bestSegment = seg;
                }
            }
            if (best == null) break;
            double p = pValue(series, bestSegment[0], bestSegment[1], best.q, random);
            if (p > significance) break;
            found.add(new ChangePoint(best.index, p));
            segments.remove(bestSegment);
            segments.add(new int[] {bestSegment[0], best.index});
            segments.add(new int[] {best.index, bestSegment[1]});
        }
        found.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return found;
    }

    private record Split(int index, double q) {}

    /**
     * The split tau of [from, to) that maximises Q = (n m / (n + m)) * (2/(n m) sum|X-Y| - 1/C(n,2)
     * sum|X-X'| - 1/C(m,2) sum|Y-Y'|), the scaled energy distance between the two sides (the paper's
     * Q-hat with alpha = 1). O(T^2) with running sums.
     */
    Split bestSplit(double[] z, int from, int to) {
        int t = to - from;
        if (t < 2 * minSegment) return null;
        // Left = [from, tau), right = [tau, to). Start at tau = from (all right).
        double within = 0;
        for (int i = from; i < to; i++) for (int j = i + 1; j < to; j++) within += Math.abs(z[i] - z[j]);
        double withinLeft = 0;
        double withinRight = within;
        double between = 0;
        Split best = null;
        for (int tau = from; tau < to - minSegment; tau++) {
            // Move z[tau] from the right side to the left.
            double toLeft = 0;
            double toRight = 0;
            for (int i = from; i < tau; i++) toLeft += Math.abs(z[i] - z[tau]);
            for (int j = tau + 1; j < to; j++) toRight += Math.abs(z[tau] - z[j]);
            withinLeft += toLeft;
            withinRight -= toRight;
            between += toRight - toLeft;
            int n = tau + 1 - from;
            int m = to - tau - 1;
            if (n < minSegment) continue;
            double e = 2 * between / ((double) n * m) - withinLeft / (n * (n - 1) / 2.0) - withinRight / (m * (m - 1) / 2.0);
            double q = (double) n * m / (n + m) * e;
            if (best == null || q > best.q) best = new Split(tau + 1, q);
        }
        return best;
    }

    private double pValue(double[] z, int from, int to, double observed, SplittableRandom random) {
        double[] copy = z.clone();
        int atLeast = 0;
        for (int r = 0; r < permutations; r++) {
            for (int i = to - 1; i > from; i--) {
                int j = from + random.nextInt(i - from + 1);
                double x = copy[i];
                copy[i] = copy[j];
                copy[j] = x;
            }
            Split s = bestSplit(copy, from, to);
            if (s != null && s.q >= observed) atLeast++;
        }
        return (atLeast + 1.0) / (permutations + 1.0);
    }
}
