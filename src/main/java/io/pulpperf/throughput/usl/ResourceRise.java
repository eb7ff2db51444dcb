package io.pulpperf.throughput.usl;

import java.util.Locale;

/**
 * The resource whose cost per completed task rose the most from the smallest worker count to the
 * largest: where the coherency cost kappa usually shows (Gunther: crosstalk, e.g. every worker
 * polling the same table, makes each task cost more database work as workers are added).
 *
 * @param series       the resource series' name, e.g. "DB CPU"
 * @param unit         its unit key (cores, percent, ...)
 * @param fromWorkers  the smallest count it was seen at
 * @param fromPerTask  mean x window / completed tasks there (for cores: CPU-seconds per task)
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
        return String.format(Locale.ROOT, "rose with the workers: %s per completed task x%.1f (%.4g at %d workers, %.4g at %d; %s x s / task)",
                series, factor(), fromPerTask, fromWorkers, toPerTask, toWorkers, unit);
    }
}
