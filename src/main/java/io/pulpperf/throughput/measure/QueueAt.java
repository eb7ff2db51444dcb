package io.pulpperf.throughput.measure;

import io.pulpperf.throughput.pulp.PulpTask;
import java.util.function.Consumer;

/**
 * The queue of several groups of tasks together at given instants, from server timestamps: how
 * many were waiting (created, not yet started) and how many completed between two instants. The
 * capacity search's confirmation step reads its standing queue and its own tasks through it (issue 21).
 */
public final class QueueAt implements Consumer<PulpTask> {
    private final LongColumn created = new LongColumn();
    private final LongColumn left = new LongColumn();
    private final LongColumn completed = new LongColumn();

    @Override
    public void accept(PulpTask t) {
        created.add(t.createdMicros());
        Long out = t.startedMicros() != null ? t.startedMicros() : t.finishedMicros();
        if (out != null) left.add(out);
        if ("completed".equals(t.state()) && t.finishedMicros() != null) completed.add(t.finishedMicros());
    }

    /** Tasks created at or before {@code micros} and not started by then. */
    public long waitingAt(long micros) {
        return upTo(created.sorted(), micros) - upTo(left.sorted(), micros);
    }

    /** Tasks completed after {@code from}, up to {@code to}. */
    public long completedBetween(long from, long to) {
        long[] done = completed.sorted();
        return upTo(done, to) - upTo(done, from);
    }

    private static int upTo(long[] sorted, long micros) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= micros) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
