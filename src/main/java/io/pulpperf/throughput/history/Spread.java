package io.pulpperf.throughput.history;

import java.util.Arrays;

/**
 * A figure measured in several rounds: the median the run reports, the rounds' range, and a 95%
 * interval of the median where the rounds allow one. Kept small and on its own so other reports
 * (e.g. plots with error bars) can use it.
 *
 * @param median  the median of the rounds
 * @param min     the lowest round
 * @param max     the highest round
 * @param low95   lower end of the distribution-free 95% interval of the median; null with fewer than 6 rounds
 * @param high95  upper end of it; null with fewer than 6 rounds
 * @param n       rounds
 */
public record Spread(double median, double min, double max, Double low95, Double high95, int n) {

    public static Spread of(double... values) {
        if (values.length == 0) throw new IllegalArgumentException("no values");
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        // Order statistics j < k with P(X(j) <= median <= X(k)) >= 0.95 from Binomial(n, 1/2); n < 6 has none.
        int[] jk = medianInterval(n);
        return new Spread(median, v[0], v[n - 1], jk == null ? null : v[jk[0]], jk == null ? null : v[jk[1]], n);
    }

    /** 0-based ranks of the 95% median interval, or null when n rounds cannot give 95%. */
    static int[] medianInterval(int n) {
        if (n < 6) return null;
        // Largest j with 2 * P(Bin(n, .5) < j) <= 0.05, i.e. the interval [X(j), X(n-j+1)] (1-based).
        double[] cdf = new double[n + 1];
        double p = Math.pow(0.5, n);
        double acc = 0;
        double c = 1;
        for (int i = 0; i <= n; i++) {
            acc += c * p;
            cdf[i] = acc;
            c = c * (n - i) / (i + 1);
        }
        int j = 0;
        while (j + 1 <= n / 2 && 2 * cdf[j] <= 0.05) j++;
        if (j == 0) return null;
        return new int[] {j - 1, n - j};
    }

    /** "10.6 (10.4-10.9, 3 runs)" in the figure's own format. */
    public String shown(java.util.function.DoubleFunction<String> format) {
        if (n == 1) return format.apply(median);
        return format.apply(median) + " (" + format.apply(min) + "-" + format.apply(max) + ", " + n + " runs)";
    }
}
