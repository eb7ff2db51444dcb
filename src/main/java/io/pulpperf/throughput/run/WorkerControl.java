package io.pulpperf.throughput.run;

/** Brings the number of online task workers to what a scenario needs, where that is possible. */
public interface WorkerControl {
    /**
     * Tries to have exactly {@code workers} online and returns how many are online afterwards.
     * Implementations that cannot change the count just report it.
     */
    int ensure(int workers);

    /** Whether {@link #ensure} can change the count at all. */
    boolean canScale();
}
