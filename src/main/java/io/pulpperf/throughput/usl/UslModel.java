package io.pulpperf.throughput.usl;

/**
 * Gunther's Universal Scalability Law, X(N) = lambda N / (1 + sigma (N - 1) + kappa N (N - 1))
 * (N. J. Gunther, "Guerrilla Capacity Planning", 2007, ch. 4; B. Schwartz, "Practical Scalability
 * Analysis with the Universal Scalability Law", 2015).
 *
 * @param lambda the one-worker rate, tasks per second
 * @param sigma  contention: the share of the work that is serialized (0 = none)
 * @param kappa  coherency: the cost of every pair of workers keeping each other in step (0 = none)
 */
public record UslModel(double lambda, double sigma, double kappa) {
    /** A peak further out than this many times the largest count measured is no peak "within reach". */
    public static final double REACH = 4;

    /** Throughput at {@code workers}. */
    public double rate(double workers) {
        return lambda * workers / denominator(workers);
    }

    double denominator(double workers) {
        return 1 + sigma * (workers - 1) + kappa * workers * (workers - 1);
    }

    /**
     * N* = sqrt((1 - sigma) / kappa), where dX/dN = 0 (Gunther eq. 4.33); 1 when sigma >= 1 (every
     * added worker already costs), infinite when kappa is 0 (the curve only flattens).
     */
    public double peakWorkers() {
        if (sigma >= 1) return 1;
        if (kappa <= 0) return Double.POSITIVE_INFINITY;
        return Math.sqrt((1 - sigma) / kappa);
    }

    /** X(N*), or the Amdahl ceiling when there is no peak. */
    public double peakRate() {
        double n = peakWorkers();
        return Double.isInfinite(n) ? amdahlCeilingRate() : rate(n);
    }

    /** With kappa 0 the curve tends to lambda / sigma as N grows (Amdahl's law); infinite when sigma is 0 too. */
    public double amdahlCeilingRate() {
        return sigma <= 0 ? Double.POSITIVE_INFINITY : lambda / sigma;
    }

    /** Whether the peak lies within {@link #REACH} times the largest count measured. */
    public boolean peaksWithin(int largestMeasured) {
        return peakWorkers() <= REACH * largestMeasured;
    }
}
