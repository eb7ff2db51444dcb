package io.pulpperf.throughput.logs;

/**
 * One class's figures for one scenario, as results.json has them.
 *
 * @param name          the class, e.g. "api-timeout"
 * @param count         occurrences in the window, whoever logged them
 * @param ownCount      of those, the run's own: its Correlation-ID, or (for lines without an id) the time of one of its failed requests
 * @param matchedByTime of {@code ownCount}, those matched by time only
 * @param first         the first occurrence's line (redacted, cut), or null when none
 * @param firstAt       when it was logged (ISO-8601), or null when none or its line carries no time
 */
public record ClassCount(String name, long count, long ownCount, long matchedByTime, String first, String firstAt) {}
