package io.pulpperf.throughput.usl;

/**
 * What was measured at one worker count of a group, all its runs together.
 *
 * @param workers      the worker count
 * @param rate         mean throughput over every rate measured at this count, tasks/s
 * @param low          the lowest figure seen there (spread or repetition)
 * @param high         the highest figure seen there
 * @param marginalGain tasks/s gained (negative: lost) per worker added since the next smaller count; null for the smallest
 */
public record MeasuredStep(int workers, double rate, double low, double high, Double marginalGain) {}
