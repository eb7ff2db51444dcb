package io.pulpperf.throughput.report;

import io.pulpperf.throughput.run.ScenarioResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scaling efficiency TPS(N) / (N x TPS(1)) per workload: 100% means N workers complete N times
 * what one does. Defined only where a 1-worker run of the same workload measured a throughput;
 * when several did, TPS(1) is their mean.
 */
public final class Scaling {
    private Scaling() {}

    /** One row per scenario, in run order. */
    public static List<ScalingRow> of(List<ScenarioResult> results) {
        List<Point> points = results.stream()
                // A capacity search's tasks mix rates: its overall throughput is no point on this curve.
                .map(r -> new Point(r.scenario().workload().key(), r.scenario().name(), r.workersOnline(),
                        r.capacity() != null ? null : r.metrics().throughput()))
                .toList();
        return rows(points);
    }

    /** A measured throughput at a worker count. */
    public record Point(String workload, String scenario, int workers, Double throughput) {}

    public static List<ScalingRow> rows(List<Point> points) {
        Map<String, double[]> oneWorker = new LinkedHashMap<>();  // workload -> {sum, count}
        for (Point p : points) {
            if (p.workers() == 1 && p.throughput() != null) {
                double[] acc = oneWorker.computeIfAbsent(p.workload(), k -> new double[2]);
                acc[0] += p.throughput();
                acc[1]++;
            }
        }
        List<ScalingRow> rows = new ArrayList<>();
        for (Point p : points) {
            double[] acc = oneWorker.get(p.workload());
            Double tps1 = acc == null ? null : acc[0] / acc[1];
            rows.add(new ScalingRow(p.workload(), p.scenario(), p.workers(), p.throughput(), tps1,
                    efficiency(p.throughput(), p.workers(), tps1)));
        }
        return rows;
    }

    /** TPS(N) / (N x TPS(1)), or null when it is not defined. */
    public static Double efficiency(Double tpsN, int workers, Double tps1) {
        if (tpsN == null || tps1 == null || workers < 1 || tps1 <= 0) return null;
        return tpsN / (workers * tps1);
    }

    public static String csv(List<ScalingRow> rows) {
        StringBuilder out = new StringBuilder("workload,scenario,workers,tasks_per_s,tps_1_worker,scaling_efficiency\n");
        for (ScalingRow r : rows) {
            out.append(r.workload()).append(',').append(r.scenario()).append(',').append(r.workers()).append(',')
               .append(Format.rate(r.throughput())).append(',').append(Format.rate(r.baseline())).append(',')
               .append(Format.percent(r.efficiency())).append('\n');
        }
        return out.toString();
    }
}
