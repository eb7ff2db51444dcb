package io.pulpperf.throughput.load;

/** The workload implementation for a configured workload name. */
public final class Workloads {
    private Workloads() {}

    public static Workload of(io.pulpperf.throughput.config.Workload kind) {
        return switch (kind) {
            case DISTRIBUTION_CREATE -> new DistributionCreateWorkload();
            case REPOSITORY_DELETE -> new RepositoryDeleteWorkload();
        };
    }
}
