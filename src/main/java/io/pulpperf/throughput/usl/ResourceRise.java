package io.pulpperf.throughput.usl;

import java.util.Locale;

/**
 * The resource whose cost per completed task rose the most from the smallest worker count to the
 * largest: where the coherency cost kappa usually shows (Gunther: crosstalk, e.g. every worker
 * polling the same table, makes each task cost more database work as workers are added).
 *
 * @param series       the resource series' name, e.g. "DB CPU", or the database sampler's figure, e.g. "DB transactions"
 * @param unit         what one task costs of it, e.g. "CPU-s" for a CPU series, "" for a count (transactions)
 * @param fromWorkers  the smallest count it was seen at
 * @param fromPerTask  mean x window / completed tasks there (for cores: CPU-seconds per task; for a rate: events per task)
 * @param toWorkers    the largest count
 * @param toPerTask    the same there
 */
public record ResourceRise(String series, String unit, int fromWorkers, double fromPerTask, int toWorkers, double toPerTask) {
    /** A rise smaller than this factor is left unnamed: run-to-run noise of resource figures is of that order. */
    public static final double MIN_FACTOR = 1.2;

    public double factor() {
        return toPerTask / fromPerTask;
    }

    public String sentence() {
        String u = unit.isEmpty() ? "" : " " + unit;
        return String.format(Locale.ROOT, "rose with the workers: %s per completed task x%.1f (%.4g%s at %d workers, %.4g%s at %d)",
                series, factor(), fromPerTask, u, fromWorkers, toPerTask, u, toWorkers);
    }
}
