package io.pulpperf.throughput.history;

import java.util.Map;

/**
 * How a run is judged against its series.
 *
 * @param window       reference runs, the series' last N usable ones (default 20)
 * @param tolerance    smallest relative change that counts (default 0.10)
 * @param tolerances   per-figure overrides of the tolerance
 * @param significance nominal false-alarm rate per scenario and run (default 0.0075, measured 0.77-0.90% at 2-15% noise): two thirds to the
 *                     single-night test, one third to the persistence test, of the scenario's primary figure ({@link Judge})
 */
public record JudgeSettings(int window, double tolerance, Map<String, Double> tolerances, double significance) {
    /** Earlier runs of the current level a judgement needs; the pooled noise judges a new series from its third run. */
    public static final int MIN_RUNS = 2;
    /**
     * Measured over 40 matrices of 200 identical nights (NightlyVerdictTest): 0.86% false alarms a
     * scenario-night at 8% noise with two scenarios, at most 0.90% at 2-15% noise pooled or alone;
     * the false alarms track the nominal rate, so 0.01 would sit at the 1% bound.
     */
    public static final double DEFAULT_SIGNIFICANCE = 0.0075;

    public JudgeSettings {
        if (window < MIN_RUNS) throw new IllegalArgumentException("window must be >= " + MIN_RUNS + ", was " + window);
        if (!(tolerance >= 0 && tolerance < 1)) throw new IllegalArgumentException("tolerance must be in [0, 1), was " + tolerance);
        if (!(significance > 0 && significance < 1)) throw new IllegalArgumentException("significance must be in (0, 1), was " + significance);
        tolerances = Map.copyOf(tolerances);
    }

    public static JudgeSettings defaults() {
        return new JudgeSettings(20, 0.10, Map.of(), DEFAULT_SIGNIFICANCE);
    }

    public double toleranceOf(String figure) {
        return tolerances.getOrDefault(figure, tolerance);
    }
}
