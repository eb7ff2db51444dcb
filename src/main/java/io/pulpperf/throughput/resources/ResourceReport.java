package io.pulpperf.throughput.resources;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What Prometheus said about one scenario.
 *
 * @param from     start of the range queried (tasks' window minus one scrape interval)
 * @param to       its end (plus one scrape interval)
 * @param step     the range queries' step
 * @param series   every series returned, in query order
 * @param stats    peak/mean/p95 per series over the tasks' window
 * @param notes    what a reader should know (a query that returned nothing)
 * @param problems what went wrong (Prometheus lost, a query failed)
 * @param requests requests sent for this scenario
 * @param elapsed  time they took
 */
public record ResourceReport(Instant from, Instant to, Duration step, List<ResourceSeries> series, List<ResourceStats> stats,
                             List<String> notes, List<String> problems, long requests, Duration elapsed) {
    public ResourceReport {
        series = List.copyOf(series);
        stats = List.copyOf(stats);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }
}
