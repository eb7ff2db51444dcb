package io.pulpperf.throughput.config;

/**
 * What a scenario must reach to pass.
 *
 * @param minTasksPerSecond lowest acceptable throughput (completed tasks per second), >= 0
 * @param minSuccessRate    lowest acceptable completed/observed ratio, in [0, 1]
 * @param maxLostTasks      most tasks that may be dispatched but never found on the server, >= 0
 * @param minSustainedRate  search shape: lowest acceptable sustained rate, tasks per second; null = not checked
 * @param maxHeartbeatAge   fleet shape: oldest acceptable heartbeat by the server's clock; null = not checked
 * @param maxTimeouts       fleet shape: most times workers may leave the online set, per count; null = not checked
 * @param minIngestionRate  task-ingestion: lowest acceptable tasks created per second; null = not checked
 * @param maxRecoverySeconds    disruptions: longest acceptable time to recover from each; null = not checked
 * @param maxFailedByDisruption disruptions: most tasks that may fail during each; null = not checked
 */
public record Thresholds(double minTasksPerSecond, double minSuccessRate, int maxLostTasks, Double minSustainedRate,
                         java.time.Duration maxHeartbeatAge, Integer maxTimeouts, Double minIngestionRate,
                         Double maxRecoverySeconds, Integer maxFailedByDisruption) {
    public Thresholds {
        if (maxRecoverySeconds != null && !(maxRecoverySeconds >= 0 && !maxRecoverySeconds.isInfinite())) {
            throw new IllegalArgumentException("maxRecoverySeconds must be a number >= 0, was " + maxRecoverySeconds);
        }
        if (maxFailedByDisruption != null && maxFailedByDisruption < 0) {
            throw new IllegalArgumentException("maxFailedByDisruption must be >= 0, was " + maxFailedByDisruption);
        }
        if (!(minTasksPerSecond >= 0) || Double.isInfinite(minTasksPerSecond)) {
            throw new IllegalArgumentException("minTasksPerSecond must be a number >= 0, was " + minTasksPerSecond);
        }
        if (!(minSuccessRate >= 0 && minSuccessRate <= 1)) {
            throw new IllegalArgumentException("minSuccessRate must be between 0 and 1, was " + minSuccessRate);
        }
        if (maxLostTasks < 0) throw new IllegalArgumentException("maxLostTasks must be >= 0, was " + maxLostTasks);
        if (minSustainedRate != null && !(minSustainedRate >= 0 && !minSustainedRate.isInfinite())) {
            throw new IllegalArgumentException("minSustainedRate must be a number >= 0, was " + minSustainedRate);
        }
        if (maxHeartbeatAge != null && maxHeartbeatAge.isNegative()) throw new IllegalArgumentException("maxHeartbeatAge must be >= 0");
        if (maxTimeouts != null && maxTimeouts < 0) throw new IllegalArgumentException("maxTimeouts must be >= 0, was " + maxTimeouts);
        if (minIngestionRate != null && !(minIngestionRate >= 0 && !minIngestionRate.isInfinite())) {
            throw new IllegalArgumentException("minIngestionRate must be a number >= 0, was " + minIngestionRate);
        }
    }

    /** Thresholds without the disruption checks. */
    public Thresholds(double minTasksPerSecond, double minSuccessRate, int maxLostTasks, Double minSustainedRate,
                      java.time.Duration maxHeartbeatAge, Integer maxTimeouts, Double minIngestionRate) {
        this(minTasksPerSecond, minSuccessRate, maxLostTasks, minSustainedRate, maxHeartbeatAge, maxTimeouts, minIngestionRate, null, null);
    }

    public Thresholds(double minTasksPerSecond, double minSuccessRate, int maxLostTasks, Double minSustainedRate) {
        this(minTasksPerSecond, minSuccessRate, maxLostTasks, minSustainedRate, null, null, null);
    }

    public Thresholds(double minTasksPerSecond, double minSuccessRate, int maxLostTasks) {
        this(minTasksPerSecond, minSuccessRate, maxLostTasks, null);
    }
}
