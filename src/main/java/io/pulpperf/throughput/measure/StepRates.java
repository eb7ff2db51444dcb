package io.pulpperf.throughput.measure;

import io.pulpperf.throughput.pulp.PulpTask;
import java.util.function.Consumer;

/**
 * The rates of one capacity-search step, from its own tasks' server timestamps only, never the
 * client's clock (issue 14). Offered and completion rates are least-squares slopes of the
 * cumulative count of tasks created, or completed, against time over the middle 80% of them:
 * the first and last few tasks, and workers that finish in lockstep, barely move a slope, where
 * they would move a count divided by a span by a whole task.
 */
public final class StepRates implements Consumer<PulpTask> {
    private final LongColumn created = new LongColumn();
    private final LongColumn started = new LongColumn();
    private final LongColumn completed = new LongColumn();

    /**
     * @param tasks          tasks of the step seen
     * @param offeredRate    tasks created per second on the server; null with fewer than 2 tasks
     * @param completionRate tasks completed per second; null with fewer than 2 completed
     * @param windowStart    the step's first {@code pulp_created}, epoch micros (0 without tasks)
     * @param windowEnd      its last {@code pulp_created}
     * @param waitingAtStart tasks of the step created before, and not started by, the window's start
     * @param waitingAtEnd   the same at the window's end: the queue the step left behind
     * @param queueGrowth    (waitingAtEnd - waitingAtStart) per second of the window; null for an empty window
     */
    public record Figures(long tasks, Double offeredRate, Double completionRate, long windowStart, long windowEnd,
                          long waitingAtStart, long waitingAtEnd, Double queueGrowth) {}

    @Override
    public void accept(PulpTask task) {
        created.add(task.createdMicros());
        started.add(task.startedMicros() == null ? Long.MAX_VALUE : task.startedMicros());
        if ("completed".equals(task.state()) && task.finishedMicros() != null) completed.add(task.finishedMicros());
    }

    public Figures figures() {
        long[] c = created.sorted();
        if (c.length == 0) return new Figures(0, null, null, 0, 0, 0, 0, null);
        long start = c[0];
        long end = c[c.length - 1];
        long atStart = waitingAt(start);
        long atEnd = waitingAt(end);
        Double growth = end > start ? (atEnd - atStart) / ((end - start) / 1e6) : null;
        return new Figures(c.length, slope(c), slope(completed.sorted()), start, end, atStart, atEnd, growth);
    }

    /** Tasks created strictly before {@code t} and not started by then (the one created at t is arriving, not waiting). */
    private long waitingAt(long t) {
        long n = 0;
        for (int i = 0; i < created.size(); i++) {
            if (created.get(i) < t && started.get(i) > t) n++;
        }
        return n;
    }

    /** Events per second: the least-squares slope of the count against time over the middle 80% of sorted times. */
    static Double slope(long[] sorted) {
        int n = sorted.length;
        int from = n >= 10 ? (int) Math.floor(0.1 * n) : 0;
        int to = n >= 10 ? (int) Math.ceil(0.9 * n) - 1 : n - 1;
        int m = to - from + 1;
        if (m < 2 || sorted[to] == sorted[from]) return null;
        double meanX = 0;
        for (int k = from; k <= to; k++) meanX += sorted[k] - sorted[from];
        meanX /= m;
        double meanY = (m - 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        for (int k = from; k <= to; k++) {
            double dx = sorted[k] - sorted[from] - meanX;
            sxy += dx * (k - from - meanY);
            sxx += dx * dx;
        }
        return sxx == 0 ? null : sxy / sxx * 1e6;
    }
}
