package io.pulpperf.throughput.history;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The null distribution of the persistence test's statistic, the largest of the window statistics
 * t_m = (median(reference before the window) - mean(last m runs)) / (s sqrt(1/m + v(n_m))) over the
 * windows tried, so the windows share the significance as a max-type test instead of a Bonferroni
 * split: the windows end on the same night and overlap, so their statistics are strongly correlated
 * and Bonferroni is conservative (the max-T idea of Westfall and Young 1993, "Resampling-Based
 * Multiple Testing", here with the null simulated from the model rather than resampled).
 *
 * <p>Under no change the runs are independent normal in log space and s is an independent estimate
 * of their sigma with df degrees of freedom (the assumption of the single-night t test as well), so
 * t_m = Z_m / U with (Z_m) jointly normal and df U^2 ~ chi-square(df). The largest Z is simulated
 * once per window structure (fixed seed, reproducible), and P(max t &gt; x) is the average over the
 * draws of P(U &lt; max Z / x), a chi-square probability (conditional Monte Carlo: smooth in x and
 * far less noisy in the tail than counting exceedances).
 */
final class PersistenceNull {
    /** Draws of the largest Z per window structure: 40,000 keep the simulation error of a p near 0.001 around 3% (measured). */
    static final int DRAWS = 40_000;
    private static final long SEED = 25L;
    private static final Map<String, double[]> CACHE = new ConcurrentHashMap<>();

    private PersistenceNull() {}

    /**
     * P(max_m t_m &gt;= x) under no change.
     *
     * @param windows    the window lengths m tried
     * @param references each window's reference size n_m (the runs right before the window)
     * @param variance   v(n): variance of the reference centre in units of one run's, as the statistic uses it
     * @param median     the reference centre is a median (else a mean)
     * @param df         the noise estimate's degrees of freedom
     * @param x          the observed window statistic, positive on the bad side
     */
    static double pValue(int[] windows, int[] references, java.util.function.IntToDoubleFunction variance, boolean median, int df, double x) {
        double[] maxZ = CACHE.computeIfAbsent(Arrays.toString(windows) + Arrays.toString(references) + median,
                k -> simulate(windows, references, variance, median));
        if (!(x > 0)) return 1;
        ChiSquaredDistribution chi = ChiSquaredDistribution.of(df);
        double sum = 0;
        // maxZ is sorted largest first: each term is smaller than the last, so stop once they no longer count.
        for (double z : maxZ) {
            if (z <= 0) break;
            double term = chi.cumulativeProbability(df * (z / x) * (z / x));
            sum += term;
            if (term < 1e-9) break;
        }
        return sum / maxZ.length;
    }

    private static double[] simulate(int[] windows, int[] references, java.util.function.IntToDoubleFunction variance, boolean median) {
        int length = 0;
        for (int i = 0; i < windows.length; i++) length = Math.max(length, windows[i] + references[i]);
        double[] scale = new double[windows.length];
        for (int i = 0; i < windows.length; i++) scale[i] = 1 / Math.sqrt(1.0 / windows[i] + variance.applyAsDouble(references[i]));
        Random random = new Random(SEED);
        double[] x = new double[length];
        double[] out = new double[DRAWS];
        for (int d = 0; d < DRAWS; d++) {
            // x[0] is tonight, x[1] the night before ...; window m is x[0..m), its reference x[m..m+n).
            for (int i = 0; i < length; i++) x[i] = random.nextGaussian();
            double best = Double.NEGATIVE_INFINITY;
            for (int w = 0; w < windows.length; w++) {
                int m = windows[w];
                double mean = 0;
                for (int i = 0; i < m; i++) mean += x[i];
                mean /= m;
                double[] ref = Arrays.copyOfRange(x, m, m + references[w]);
                double centre = median ? TargetNoise.median(ref) : Arrays.stream(ref).average().orElseThrow();
                best = Math.max(best, (centre - mean) * scale[w]);
            }
            out[d] = best;
        }
        Arrays.sort(out);
        for (int i = 0, j = out.length - 1; i < j; i++, j--) {
            double t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }
}
