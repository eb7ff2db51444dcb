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
        Map<String, List<MeasuredPoint>> byKind = new LinkedHashMap<>();
        for (ScenarioResult r : results) {
            String kind = Scaling.kind(r.scenario());
            Double rate = r.metrics().throughput();
            if (kind == null || rate == null || r.workersOnline() < 1) continue;
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(point(r, rate));
        }
        List<Scalability> out = new ArrayList<>();
        for (Map.Entry<String, List<MeasuredPoint>> e : byKind.entrySet()) {
            if (e.getValue().stream().mapToInt(MeasuredPoint::workers).distinct().count() >= 2) {
                out.add(Scalability.of(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    /** One run's point; a run with repetitions and a spread (issue 16's repeat) would give them here. */
    static MeasuredPoint point(ScenarioResult r, double rate) {
        return MeasuredPoint.of(r.scenario().name(), r.workersOnline(), rate);
    }
}
