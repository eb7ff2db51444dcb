package io.pulpperf.throughput.resources;

import io.pulpperf.throughput.observe.ScenarioWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of every series with its coverage over the tasks' window (issue 21): a series with
 * holes is marked partial with a note saying how much is missing, from when to when and, where the
 * feeding targets can be found, why; a query that returned nothing stays in the table as missing.
 */
final class WindowCoverage {
    private WindowCoverage() {}

    /** One stats row per series, then one per query that answered with none ({@code empty}); notes gain a line per partial or missing series. */
    static List<ResourceStats> judge(PromClient client, List<ResourceQuery> queries, List<ResourceQuery> empty, List<ResourceSeries> series,
                                     Instant from, Instant to,
                                     Duration step, ScenarioWindow window, List<String> notes) {
        long fromMs = window.from().toEpochMilli();
        long toMs = window.to().toEpochMilli();
        long zeroMs = window.zero().toEpochMilli();
        long gridMs = from.toEpochMilli();
        List<ResourceStats> out = new ArrayList<>();
        TargetHealth health = null;
        for (ResourceSeries s : series) {
            SeriesCoverage c = SeriesCoverage.of(s.millis(), s.values(), gridMs, step.toMillis(), fromMs, toMs, zeroMs);
            ResourceStats stats = ResourceStats.of(s, fromMs, toMs, c);
            out.add(stats);
            if (!c.partial()) continue;
            if (health == null) health = new TargetHealth(client);
            ResourceQuery q = queries.stream().filter(x -> x.name().equals(s.query())).findFirst().orElse(null);
            String why = q == null ? "" : health.explain(q, s.labels(), from, to, step, fromMs, toMs, zeroMs).map(w -> ": " + w).orElse("");
            notes.add("series '" + s.name() + "' " + (c.missing() ? "missing" : "partial") + ": " + c.describe() + why);
        }
        for (ResourceQuery q : empty) {
            SeriesCoverage none = SeriesCoverage.none(gridMs, step.toMillis(), fromMs, toMs, zeroMs);
            out.add(ResourceStats.missing(q.name(), q.role() != null ? q.role() : ResourceRole.guess(q.name()), q.unit(), q.max(), none));
        }
        return out;
    }
}
