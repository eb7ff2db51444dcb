package io.pulpperf.throughput.history;

import java.util.Map;

/**
 * How a run is judged against its series.
 *
 * @param window       reference runs, the series' last N usable ones (default 20)
 * @param tolerance    smallest relative change that counts (default 0.10)
 * @param tolerances   per-figure overrides of the tolerance
 * @param significance family-wise false-alarm rate per scenario and run (default 0.01), Holm over its figures
 */
public record JudgeSettings(int window, double tolerance, Map<String, Double> tolerances, double significance) {
    public static final int MIN_RUNS = 3;

    public JudgeSettings {
        if (window < MIN_RUNS) throw new IllegalArgumentException("window must be >= " + MIN_RUNS + ", was " + window);
        if (!(tolerance >= 0 && tolerance < 1)) throw new IllegalArgumentException("tolerance must be in [0, 1), was " + tolerance);
        if (!(significance > 0 && significance < 1)) throw new IllegalArgumentException("significance must be in (0, 1), was " + significance);
        tolerances = Map.copyOf(tolerances);
    }

    public static JudgeSettings defaults() {
        return new JudgeSettings(20, 0.10, Map.of(), 0.01);
    }

    public double toleranceOf(String figure) {
        return tolerances.getOrDefault(figure, tolerance);
    }
}
