package io.pulpperf.throughput.measure;

import io.pulpperf.throughput.pulp.PulpTask;
import java.util.function.Consumer;

/**
 * The first and last {@code pulp_created} of a run's tasks and how many there were: the task
 * ingestion plan's (0002) figure is how fast the API creates tasks, by the server's clock.
 */
public final class IngestionTally implements Consumer<PulpTask> {
    private long count;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    @Override
    public void accept(PulpTask task) {
        count++;
        first = Math.min(first, task.createdMicros());
        last = Math.max(last, task.createdMicros());
    }

    public long count() {
        return count;
    }

    /**
     * Tasks created per second, first to last created: (count - 1) intervals over that span, so
     * a steady dispatch every d seconds reads exactly 1/d. Null with fewer than two tasks.
     */
    public Double rate() {
        if (count < 2 || last <= first) return null;
        return (count - 1) / ((last - first) / 1e6);
    }

    public Long firstCreatedMicros() {
        return count == 0 ? null : first;
    }

    public Long lastCreatedMicros() {
        return count == 0 ? null : last;
    }
}
