package io.pulpperf.throughput.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Which Pulp API call makes the tasks of a scenario. */
public enum Workload {
    /** POST distributions/file/file/: Pulp serialises these per domain, so they measure one lane. */
    DISTRIBUTION_CREATE("distribution-create"),
    /** DELETE of repositories created beforehand (not measured): one lock each, so they spread over workers. */
    REPOSITORY_DELETE("repository-delete"),
    /** pulp-service's test views ({API_ROOT}test/tasks/): each GET dispatches no-op tasks for a while. */
    TASK_INGESTION("task-ingestion"),
    /** A request from config (method, path, body template) answered by 202 {"task": href}. */
    CUSTOM("custom");

    private final String key;

    Workload(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The workload named in config, or an error listing the known names. */
    public static Workload of(String key) {
        for (Workload w : values()) if (w.key.equals(key)) return w;
        throw new IllegalArgumentException("unknown workload '" + key + "'; expected one of "
                + Arrays.stream(values()).map(Workload::key).collect(Collectors.joining(", ")));
    }
}
