package io.pulpperf.throughput.resources;

/**
 * A stretch of a series' window without samples.
 *
 * @param from first missing sample, seconds from the first task created
 * @param to   last missing sample, seconds from the first task created
 */
public record SeriesGap(double from, double to) {}
