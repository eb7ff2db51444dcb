package io.pulpperf.throughput.history;

import java.util.Arrays;

/**
 * The choices inside {@link Judge}'s two tests, kept apart so VerdictMethodComparisonTest can measure the
 * alternatives side by side on the same seeded nights (README "Nightly history and regressions").
 *
 * @param singleShare        share of the significance given to the single-night test; the rest goes to the persistence test
 * @param windows            the persistence test's window lengths m (the current run of regression nights plus tonight is always tried too)
 * @param everyNightBad      the persistence window counts only when every run in it is on the bad side of the reference
 * @param halfToleranceFirst ... and its first run is worse by half the tolerance at least (so the start is not misdated)
 * @param meanReference      the reference is the mean of its runs (variance 1/n) instead of the median (pi / 2n)
 */
record VerdictMethod(double singleShare, int[] windows, boolean everyNightBad, boolean halfToleranceFirst, boolean meanReference) {
    VerdictMethod {
        if (!(singleShare > 0 && singleShare < 1)) throw new IllegalArgumentException("singleShare must be in (0, 1), was " + singleShare);
        windows = windows.clone();
    }

    /** What the suite uses (the measured choice, README). */
    static VerdictMethod defaults() {
        return new VerdictMethod(2.0 / 3, new int[] {3, 5}, true, true, false);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "single %.2f", singleShare) + ", windows " + Arrays.toString(windows) + (everyNightBad ? ", every night bad" : "")
                + (halfToleranceFirst ? ", first by tol/2" : "") + (meanReference ? ", mean reference" : ", median reference");
    }
}
