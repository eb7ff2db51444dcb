package io.pulpperf.throughput.measure;

/**
 * One queue-depth band of a scenario's busy time (issue 21).
 *
 * @param from           fewest tasks waiting in the band
 * @param to             most tasks waiting in it, null for the open top band
 * @param seconds        time spent with that many tasks waiting
 * @param completed      tasks completed meanwhile
 * @param completionRate completed / seconds, null without time in the band
 * @param runP50Micros   median run time (finished - started) of the tasks completed in the band, null without any
 */
public record DepthBand(long from, Long to, double seconds, long completed, Double completionRate, Long runP50Micros) {
    /** "1-9", "100-999", "10,000+". */
    public String label() {
        return String.format(java.util.Locale.ROOT, "%,d", from) + (to == null ? "+" : String.format(java.util.Locale.ROOT, "-%,d", to));
    }
}
