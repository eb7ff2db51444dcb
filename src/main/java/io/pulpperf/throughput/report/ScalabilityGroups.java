package io.pulpperf.throughput.report;

import io.pulpperf.throughput.history.Spread;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.usl.MeasuredPoint;
import io.pulpperf.throughput.usl.Scalability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matrix's runs grouped as scaling efficiency groups them ({@link Scaling#kind}: same workload,
 * request, shape and closed model), each group with 2 or more worker counts analysed by
 * {@link Scalability}, in the order the groups first ran. A scenario repeated in rounds is one
 * point of its group (see {@link ScenarioRuns}).
 */
public final class ScalabilityGroups {
    private ScalabilityGroups() {}

    public static List<Scalability> of(List<ScenarioResult> results) {
        return of(results, Map.of());
    }

    /** @param observed the observers' figures by run id, then by source: names the resource that rose with the workers */
    public static List<Scalability> of(List<ScenarioResult> results, Map<String, Map<String, Object>> observed) {
        Map<String, List<ScenarioRuns>> byKind = new LinkedHashMap<>();
        for (ScenarioRuns s : ScenarioRuns.of(results)) {
            String kind = Scaling.kind(s.first().scenario());
            if (kind == null || s.throughputs().isEmpty() || s.workers() < 1) continue;
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(s);
        }
        List<Scalability> out = new ArrayList<>();
        for (Map.Entry<String, List<ScenarioRuns>> e : byKind.entrySet()) {
            List<MeasuredPoint> points = e.getValue().stream().map(ScalabilityGroups::point).toList();
            if (points.stream().mapToInt(MeasuredPoint::workers).distinct().count() >= 2) {
                List<ScenarioResult> runs = e.getValue().stream().flatMap(s -> s.runs().stream()).toList();
                out.add(Scalability.of(e.getKey(), points).withResourceRise(ResourceRiseFinder.find(runs, observed)));
            }
        }
        return out;
    }

    /**
     * One scenario's point: with repeat, every round's rate (each one a fitted observation) and
     * their min-max spread (the chart's bar), so k rounds are one scenario, not k.
     */
    static MeasuredPoint point(ScenarioRuns s) {
        Spread t = s.throughput();
        if (t.n() == 1) return MeasuredPoint.of(s.name(), s.workers(), t.median());
        return new MeasuredPoint(s.name(), s.workers(), s.throughputs(), t.min(), t.max());
    }
}
