package io.pulpperf.throughput.usl;

import java.util.List;

/**
 * What was measured at one worker count of a group, all its runs together.
 *
 * @param workers      the worker count
 * @param rate         the scenario's throughput at this count, tasks/s: the median of its rounds (repeat); with several
 *                     scenarios at the count, the mean of their medians
 * @param low          the lowest figure seen there (spread or repetition)
 * @param high         the highest figure seen there
 * @param marginalGain tasks/s gained (negative: lost) per worker added since the next smaller count, from the rates above;
 *                     null for the smallest
 * @param rates        every rate measured at this count (each round of each scenario): the fit's observations here
 */
public record MeasuredStep(int workers, double rate, double low, double high, Double marginalGain, List<Double> rates) {
    public MeasuredStep {
        rates = List.copyOf(rates);
    }
}
