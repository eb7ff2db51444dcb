package io.pulpperf.throughput.report;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Shape;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.run.ScenarioResult;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scaling efficiency TPS(N) / (N x TPS(1)): 100% means N workers complete N times what one does.
 * Only like is compared with like: the same workload (and request), the same shape (a backlog
 * drain is not a steady run) and the closed model. An open-model run completes the rate it was
 * offered, not what the workers can do, and a capacity search mixes the rates of its steps, so
 * neither has scaling. Defined only where a 1-worker run
 * of the same kind measured a throughput; when several did, TPS(1) is their mean, and the row
 * names them. A scenario repeated in rounds ({@code repeat: k}) is one run here, at the median of
 * its rounds, for TPS(N) and TPS(1) alike.
 */
public final class Scaling {
    private Scaling() {}

    /**
     * One row per result, in run order (the results table's rows): each round of a repeated
     * scenario carries its scenario's row, so every round shows the same, median-based scaling.
     */
    public static List<ScalingRow> of(List<ScenarioResult> results) {
        List<ScenarioRuns> scenarios = ScenarioRuns.of(results);
        List<ScalingRow> rows = scenarioRows(scenarios);
        Map<ScenarioResult, ScalingRow> byResult = new IdentityHashMap<>();
        for (int i = 0; i < scenarios.size(); i++) for (ScenarioResult r : scenarios.get(i).runs()) byResult.put(r, rows.get(i));
        return results.stream().map(byResult::get).toList();
    }

    /** One row per scenario, in the order scenarios first ran (rounds as one): the chart's points and scaling.csv. */
    public static List<ScalingRow> perScenario(List<ScenarioResult> results) {
        return scenarioRows(ScenarioRuns.of(results));
    }

    // Rounds of one scenario are one point at their median: k rounds are not k scenarios, nor k bases of TPS(1).
    private static List<ScalingRow> scenarioRows(List<ScenarioRuns> scenarios) {
        List<Point> points = new ArrayList<>();
        for (ScenarioRuns s : scenarios) {
            var t = s.throughput();
            points.add(new Point(kind(s.first().scenario()), s.name(), s.workers(), t == null ? null : t.median(), t == null ? 1 : t.n()));
        }
        return rows(points);
    }

    /**
     * What a scenario may be compared with, e.g. "repository-delete" or "distribution-create,
     * backlog"; null for the open model, whose throughput is the offered rate.
     */
    static String kind(Scenario s) {
        // A capacity search's tasks mix the rates of its steps: its overall throughput is no point on this curve.
        if (s.isOpenModel() || s.shape() == Shape.SEARCH) return null;
        String kind = s.workload().key();
        if (s.workload() == Workload.CUSTOM) kind += " " + s.request().method() + " " + s.request().path();
        if (s.workload() == Workload.TASK_INGESTION) kind += " " + s.testPath();
        if (s.shape() != Shape.STEADY) kind += ", " + s.shape().name().toLowerCase(Locale.ROOT);
        return kind;
    }

    /**
     * A measured throughput at a worker count.
     *
     * @param kind       what it may be compared with (see {@link #kind}); null = with nothing
     * @param throughput the median of the scenario's rounds with repeat
     * @param rounds     measured runs the throughput is the median of (1 without repeat)
     */
    public record Point(String kind, String scenario, int workers, Double throughput, int rounds) {
        public Point(String kind, String scenario, int workers, Double throughput) {
            this(kind, scenario, workers, throughput, 1);
        }
    }

    public static List<ScalingRow> rows(List<Point> points) {
        Map<String, List<Point>> oneWorker = new LinkedHashMap<>();
        for (Point p : points) {
            if (p.kind() != null && p.workers() == 1 && p.throughput() != null) {
                oneWorker.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p);
            }
        }
        List<ScalingRow> rows = new ArrayList<>();
        for (Point p : points) {
            List<Point> bases = p.kind() == null ? List.of() : oneWorker.getOrDefault(p.kind(), List.of());
            Double tps1 = bases.isEmpty() ? null : bases.stream().mapToDouble(Point::throughput).average().orElseThrow();
            rows.add(new ScalingRow(p.kind(), p.scenario(), p.workers(), p.throughput(), tps1,
                    efficiency(p.throughput(), p.workers(), tps1), bases.stream().map(Point::scenario).toList(), p.rounds()));
        }
        return rows;
    }

    /** TPS(N) / (N x TPS(1)), or null when it is not defined. */
    public static Double efficiency(Double tpsN, int workers, Double tps1) {
        if (tpsN == null || tps1 == null || workers < 1 || tps1 <= 0) return null;
        return tpsN / (workers * tps1);
    }

    public static String csv(List<ScalingRow> rows) {
        StringBuilder out = new StringBuilder("kind,scenario,workers,tasks_per_s,tps_1_worker,scaling_efficiency,base\n");
        for (ScalingRow r : rows) {
            out.append(r.kind() == null ? "-" : io.pulpperf.throughput.measure.RawTaskCsv.quote(r.kind())).append(',')
               .append(r.scenario()).append(',').append(r.workers()).append(',')
               .append(Format.rate(r.throughput())).append(',').append(Format.rate(r.baseline())).append(',')
               .append(Format.percent(r.efficiency())).append(',')
               .append(r.baseScenarios().isEmpty() ? "-" : String.join(" ", r.baseScenarios())).append('\n');
        }
        return out.toString();
    }
}
