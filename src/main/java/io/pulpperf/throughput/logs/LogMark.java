package io.pulpperf.throughput.logs;

/**
 * A log event on the timeline chart (results.json {@code logs.marks}).
 *
 * @param cls the class, e.g. "api-timeout"
 * @param at  when it was logged, ISO-8601
 */
public record LogMark(String cls, String at) {
    /** Marks per scenario: enough to show when things happened, not so many that the chart is a wall. */
    public static final int MAX = 100;
}
