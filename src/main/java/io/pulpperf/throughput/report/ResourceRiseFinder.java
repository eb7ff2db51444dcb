package io.pulpperf.throughput.report;

import io.pulpperf.throughput.resources.ResourceStats;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.usl.ResourceRise;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, among the resource observer's series of a group's runs, the one whose cost per completed
 * task rose the most between the smallest and the largest worker count (at least
 * {@link ResourceRise#MIN_FACTOR}). Cost per task = the series' mean over the tasks' window x the
 * window's length / tasks completed: for a CPU series, CPU-seconds per task.
 */
final class ResourceRiseFinder {
    private ResourceRiseFinder() {}

    /** @param observed the observers' figures by run id, then by source ("resources" is read) */
    static ResourceRise find(List<ScenarioResult> runs, Map<String, Map<String, Object>> observed) {
        List<ScenarioResult> sorted = runs.stream().sorted(Comparator.comparingInt(ScenarioResult::workersOnline)).toList();
        if (sorted.size() < 2) return null;
        ScenarioResult first = sorted.get(0);
        ScenarioResult last = sorted.get(sorted.size() - 1);
        if (first.workersOnline() == last.workersOnline()) return null;
        Map<String, ResourceStats> from = perSeries(first, observed);
        Map<String, ResourceStats> to = perSeries(last, observed);
        ResourceRise best = null;
        for (Map.Entry<String, ResourceStats> e : from.entrySet()) {
            ResourceStats a = e.getValue();
            ResourceStats b = to.get(e.getKey());
            if (b == null) continue;
            Double perTaskA = perTask(a, first);
            Double perTaskB = perTask(b, last);
            if (perTaskA == null || perTaskB == null || perTaskA <= 0) continue;
            ResourceRise rise = new ResourceRise(a.name(), a.unit().key(), first.workersOnline(), perTaskA, last.workersOnline(), perTaskB);
            if (rise.factor() >= ResourceRise.MIN_FACTOR && (best == null || rise.factor() > best.factor())) best = rise;
        }
        return best;
    }

    private static Map<String, ResourceStats> perSeries(ScenarioResult r, Map<String, Map<String, Object>> observed) {
        Map<String, ResourceStats> out = new LinkedHashMap<>();
        Map<String, Object> sources = observed.get(r.runId());
        if (sources == null || !(sources.get("resources") instanceof Map<?, ?> figures)) return out;
        if (figures.get("series") instanceof List<?> list) {
            for (Object x : list) if (x instanceof ResourceStats s && s.samples() > 0 && Double.isFinite(s.mean())) out.put(s.name(), s);
        }
        return out;
    }

    private static Double perTask(ResourceStats s, ScenarioResult r) {
        Long from = r.metrics().firstCreated();
        Long to = r.metrics().lastFinished();
        long completed = r.metrics().completed();
        if (from == null || to == null || to <= from || completed == 0) return null;
        return s.mean() * ((to - from) / 1e6) / completed;
    }
}
