package io.pulpperf.throughput.resources;

import io.pulpperf.throughput.observe.ScenarioWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of every series with its coverage over the tasks' window (issue 21): a series with
 * holes is marked partial with a note saying how much is missing, from when to when and, where the
 * feeding targets can be found, why; a series with no sample in the window (its query answered
 * nothing, or lacked one the preflight found) stays in the table as missing, with the same note.
 */
final class WindowCoverage {
    private WindowCoverage() {}

    /**
     * One stats row per series, then one per series the answers lacked ({@code missing}); notes gain one
     * line per cause ({@link GapNotes}), and {@code causes} each partial or missing series' cause by name.
     * {@code preflightAt}: when the preflight ran, or null.
     */
    static List<ResourceStats> judge(PromClient client, List<ResourceQuery> queries, List<MissingSeries> missing, List<ResourceSeries> series,
                                     Instant from, Instant to, Duration step, ScenarioWindow window, Instant preflightAt,
                                     List<String> notes, java.util.Map<String, String> causes) {
        GapNotes gaps = new GapNotes();
        long fromMs = window.from().toEpochMilli();
        long toMs = window.to().toEpochMilli();
        long zeroMs = window.zero().toEpochMilli();
        long gridMs = from.toEpochMilli();
        List<ResourceStats> out = new ArrayList<>();
        TargetHealth health = series.isEmpty() && missing.isEmpty() ? null : new TargetHealth(client);
        for (ResourceSeries s : series) {
            SeriesCoverage c = SeriesCoverage.of(s.millis(), s.values(), gridMs, step.toMillis(), fromMs, toMs, zeroMs);
            ResourceStats stats = ResourceStats.of(s, fromMs, toMs, c);
            out.add(stats);
            if (!c.partial()) continue;
            ResourceQuery q = queries.stream().filter(x -> x.name().equals(s.query())).findFirst().orElse(null);
            String why = q == null ? "" : health.explain(q, s.labels(), from, to, step, fromMs, toMs, zeroMs, preflightAt).orElse("");
            gaps.add(s.name(), c, c.missing(), why);
            if (!why.isEmpty()) causes.put(s.name(), why);
        }
        for (MissingSeries m : missing) {
            ResourceQuery q = m.query();
            SeriesCoverage none = SeriesCoverage.none(gridMs, step.toMillis(), fromMs, toMs, zeroMs);
            out.add(ResourceStats.missing(m.name(), q.role() != null ? q.role() : ResourceRole.guess(m.name()), q.unit(), q.max(), none));
            String why = health.explain(q, m.labels(), from, to, step, fromMs, toMs, zeroMs, preflightAt)
                    .orElseGet(() -> TargetHealth.unfound(q.expr(), preflightAt));
            gaps.add(m.name(), none, true, why);
            causes.put(m.name(), why);
        }
        notes.addAll(gaps.notes());
        return out;
    }
}
