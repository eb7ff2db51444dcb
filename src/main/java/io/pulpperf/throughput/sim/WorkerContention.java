package io.pulpperf.throughput.sim;

/**
 * Workers that get in each other's way, so the simulator's throughput follows Gunther's Universal
 * Scalability Law: a task that starts while {@code n} workers are busy (itself included) runs
 * {@code 1 + sigma (n - 1) + kappa n (n - 1)} times its service time. With every worker busy (a
 * backlog drain) N workers of service time S then complete X(N) = (1/S) N / (1 + sigma (N - 1) +
 * kappa N (N - 1)) tasks per second: the USL with lambda = 1/S, the known answer its fit is checked against.
 *
 * @param sigma contention: the serialized share (a lock every task takes for a while), >= 0
 * @param kappa coherency: the cost per pair of busy workers (each polling what every other one writes), >= 0
 */
public record WorkerContention(double sigma, double kappa) {
    /** Workers that do not slow each other down (the default). */
    public static final WorkerContention NONE = new WorkerContention(0, 0);

    public WorkerContention {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) throw new IllegalArgumentException("sim.contention.sigma must be >= 0, was " + sigma);
        if (!(kappa >= 0) || !Double.isFinite(kappa)) throw new IllegalArgumentException("sim.contention.kappa must be >= 0, was " + kappa);
    }

    /** How many times longer a task runs when {@code busyWorkers} workers are busy, itself included. */
    public double stretch(int busyWorkers) {
        int n = Math.max(1, busyWorkers);
        return 1 + sigma * (n - 1) + kappa * n * (double) (n - 1);
    }

    /** A service time stretched for this many busy workers. */
    long stretchMicros(long serviceMicros, int busyWorkers) {
        return Math.round(serviceMicros * stretch(busyWorkers));
    }
}
