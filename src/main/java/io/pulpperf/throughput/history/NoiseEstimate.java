package io.pulpperf.throughput.history;

import java.util.Locale;

/**
 * A figure's night-to-night noise: the standard deviation of log(value), which for small values is
 * the relative spread (0.074 = 7.4%).
 *
 * @param sigma  standard deviation of log(value) between runs
 * @param df     degrees of freedom of the estimate, sum over its series of (runs - 1), gross outliers left out
 * @param series how many series it rests on
 * @param runs   how many runs it rests on
 * @param own    true: this series' own runs; false: pooled over the target's series of the figure
 */
public record NoiseEstimate(double sigma, int df, int series, int runs, boolean own) {
    /** "noise 7.4% from 2 series, 9 runs (pooled)" or "noise 5.1%, this series' own, 19 runs". */
    public String describe() {
        String pct = String.format(Locale.ROOT, "%.1f%%", sigma * 100);
        return own ? "noise " + pct + ", this series' own, " + runs + " runs"
                : "noise " + pct + " pooled from " + series + " series, " + runs + " runs";
    }

    /** "own" or "pooled", for results.json. */
    public String source() {
        return own ? "own" : "pooled";
    }
}
