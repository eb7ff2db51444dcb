package io.pulpperf.throughput.load;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Target;

/** The workload implementation for a scenario. */
public final class Workloads {
    private Workloads() {}

    public static Workload of(Scenario scenario, Target target) {
        return switch (scenario.workload()) {
            case DISTRIBUTION_CREATE -> new DistributionCreateWorkload(target);
            case REPOSITORY_DELETE -> new RepositoryDeleteWorkload(target);
            case TASK_INGESTION -> new TaskIngestionWorkload(target, scenario.testPath());
            case CUSTOM -> new CustomWorkload(target, scenario.request());
        };
    }
}
