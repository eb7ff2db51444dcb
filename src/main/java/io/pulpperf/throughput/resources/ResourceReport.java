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
 * @param gapCauses by series name, what its feeding targets did where it has holes (e.g. "target ... down from +16.0 s to
 *                  +24.0 s; ..."); only series whose cause was found
 */
public record ResourceReport(Instant from, Instant to, Duration step, List<ResourceSeries> series, List<ResourceStats> stats,
                             List<String> notes, List<String> problems, long requests, Duration elapsed, java.util.Map<String, String> gapCauses) {
    public ResourceReport {
        series = List.copyOf(series);
        stats = List.copyOf(stats);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
        gapCauses = gapCauses == null ? java.util.Map.of() : java.util.Map.copyOf(gapCauses);
    }

    /** Without gap causes (stubs and tests). */
    public ResourceReport(Instant from, Instant to, Duration step, List<ResourceSeries> series, List<ResourceStats> stats,
                          List<String> notes, List<String> problems, long requests, Duration elapsed) {
        this(from, to, step, series, stats, notes, problems, requests, elapsed, null);
    }
}
