package io.pulpperf.throughput.report;

import io.pulpperf.throughput.db.DbSummary;
import io.pulpperf.throughput.resources.ResourceStats;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.usl.ResourceRise;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, among what the observers saw during a group's runs, the figure whose cost per completed
 * task rose the most between the smallest and the largest worker count (at least
 * {@link ResourceRise#MIN_FACTOR}). Cost per task = the figure's mean over the tasks' window x the
 * window's length / tasks completed: for a Prometheus CPU series, CPU-seconds per task; for one of
 * the database sampler's rates (transactions, core_task scans per second), events per task, the
 * polling that every added worker multiplies.
 */
final class ResourceRiseFinder {
    private ResourceRiseFinder() {}

    /** A figure's mean over a run's window and what one task's share of it is measured in. */
    private record Level(String name, String perTaskUnit, double mean) {}

    /** @param observed the observers' figures by run id, then by source ("resources" and "database" are read) */
    static ResourceRise find(List<ScenarioResult> runs, Map<String, Map<String, Object>> observed) {
        List<ScenarioResult> sorted = runs.stream().sorted(Comparator.comparingInt(ScenarioResult::workersOnline)).toList();
        if (sorted.size() < 2) return null;
        ScenarioResult first = sorted.get(0);
        ScenarioResult last = sorted.get(sorted.size() - 1);
        if (first.workersOnline() == last.workersOnline()) return null;
        Map<String, Level> from = levels(first, observed);
        Map<String, Level> to = levels(last, observed);
        ResourceRise best = null;
        for (Map.Entry<String, Level> e : from.entrySet()) {
            Level b = to.get(e.getKey());
            if (b == null) continue;
            Double perTaskA = perTask(e.getValue(), first);
            Double perTaskB = perTask(b, last);
            if (perTaskA == null || perTaskB == null || perTaskA <= 0) continue;
            ResourceRise rise = new ResourceRise(e.getKey(), e.getValue().perTaskUnit(), first.workersOnline(), perTaskA,
                    last.workersOnline(), perTaskB);
            if (rise.factor() >= ResourceRise.MIN_FACTOR && (best == null || rise.factor() > best.factor())) best = rise;
        }
        return best;
    }

    private static Map<String, Level> levels(ScenarioResult r, Map<String, Map<String, Object>> observed) {
        Map<String, Level> out = new LinkedHashMap<>();
        Map<String, Object> sources = observed.get(r.runId());
        if (sources == null) return out;
        if (sources.get("resources") instanceof Map<?, ?> figures && figures.get("series") instanceof List<?> list) {
            for (Object x : list) {
                if (x instanceof ResourceStats s && s.samples() > 0 && Double.isFinite(s.mean())) {
                    out.put(s.name(), new Level(s.name(), s.unit().key().equals("cores") ? "CPU-s" : s.unit().key() + "-s", s.mean()));
                }
            }
        }
        if (sources.get("database") instanceof Map<?, ?> figures && figures.get("metrics") instanceof List<?> list) {
            for (Object x : list) {
                // Only the sampler's rates have a share per task; connection counts and durations do not add up per task.
                if (x instanceof DbSummary.Metric m && m.unit().equals("per s") && Double.isFinite(m.mean())) {
                    out.put("DB " + m.name(), new Level("DB " + m.name(), "", m.mean()));
                }
            }
        }
        return out;
    }

    private static Double perTask(Level level, ScenarioResult r) {
        Long from = r.metrics().firstCreated();
        Long to = r.metrics().lastFinished();
        long completed = r.metrics().completed();
        if (from == null || to == null || to <= from || completed == 0) return null;
        return level.mean() * ((to - from) / 1e6) / completed;
    }
}
