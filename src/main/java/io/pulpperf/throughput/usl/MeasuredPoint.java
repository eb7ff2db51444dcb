package io.pulpperf.throughput.usl;

import java.util.List;

/**
 * One scenario's throughput at a worker count (all its rounds with repeat), as the scalability fit takes it.
 *
 * @param scenario the scenario's name
 * @param workers  task workers online during the run
 * @param rates    the throughput of each repetition (one without {@code repeat}); every one is fitted
 * @param min      the lowest figure of the spread (the lowest round with repeat), null when it reports none
 * @param max      the highest figure of the spread (the highest round with repeat), null when it reports none
 */
public record MeasuredPoint(String scenario, int workers, List<Double> rates, Double min, Double max) {
    public MeasuredPoint {
        rates = List.copyOf(rates);
        if (rates.isEmpty()) throw new IllegalArgumentException("a measured point needs at least one rate: " + scenario);
        if (workers < 1) throw new IllegalArgumentException("a measured point needs 1 or more workers: " + scenario);
    }

    /** A single run without spread. */
    public static MeasuredPoint of(String scenario, int workers, double rate) {
        return new MeasuredPoint(scenario, workers, List.of(rate), null, null);
    }

    /** The median of the repetitions: the figure a repeated scenario reports (issue 19), robust to one odd round. */
    public double rate() {
        double[] v = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The lowest figure: the reported spread's, else the lowest repetition. */
    public double low() {
        return min != null ? min : rates.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /** The highest figure: the reported spread's, else the highest repetition. */
    public double high() {
        return max != null ? max : rates.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }
}
