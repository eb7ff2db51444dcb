package io.pulpperf.throughput.report;

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
 * {@link Scalability}, in the order the groups first ran.
 */
public final class ScalabilityGroups {
    private ScalabilityGroups() {}

    public static List<Scalability> of(List<ScenarioResult> results) {
        return of(results, Map.of());
    }

    /** @param observed the observers' figures by run id, then by source: names the resource that rose with the workers */
    public static List<Scalability> of(List<ScenarioResult> results, Map<String, Map<String, Object>> observed) {
        Map<String, List<ScenarioResult>> byKind = new LinkedHashMap<>();
        for (ScenarioResult r : results) {
            String kind = Scaling.kind(r.scenario());
            if (kind == null || r.metrics().throughput() == null || r.workersOnline() < 1) continue;
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(r);
        }
        List<Scalability> out = new ArrayList<>();
        for (Map.Entry<String, List<ScenarioResult>> e : byKind.entrySet()) {
            List<MeasuredPoint> points = e.getValue().stream().map(r -> point(r, r.metrics().throughput())).toList();
            if (points.stream().mapToInt(MeasuredPoint::workers).distinct().count() >= 2) {
                out.add(Scalability.of(e.getKey(), points).withResourceRise(ResourceRiseFinder.find(e.getValue(), observed)));
            }
        }
        return out;
    }

    /** One run's point; a run with rounds and a min-max spread (repeat, issue 19) gives them here when that lands. */
    static MeasuredPoint point(ScenarioResult r, double rate) {
        return MeasuredPoint.of(r.scenario().name(), r.workersOnline(), rate);
    }
}
