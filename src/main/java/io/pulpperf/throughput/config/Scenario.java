package io.pulpperf.throughput.config;

import java.time.Duration;

/**
 * One cell of the matrix: how many workers, how many tasks, how they are dispatched, and what
 * the run must reach.
 *
 * @param name        unique, used with {@code -Dpulp.scenarios}
 * @param workload    which API call makes the tasks
 * @param workers     task workers that must be online, >= 1
 * @param tasks       tasks to dispatch, >= 1
 * @param concurrency concurrent dispatching clients, >= 1
 * @param timeout     bound on waiting for the run's tasks to finish
 * @param thresholds  what the run must reach
 */
public record Scenario(String name, Workload workload, int workers, int tasks, int concurrency, Duration timeout,
                       Thresholds thresholds) {
    public Scenario {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', was '" + name + "'");
        }
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, was " + workers);
        if (tasks < 1) throw new IllegalArgumentException("tasks must be >= 1, was " + tasks);
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be > 0, was " + timeout);
    }

    public Scenario withTasks(int value) {
        return new Scenario(name, workload, workers, value, concurrency, timeout, thresholds);
    }

    public Scenario withThresholds(Thresholds value) {
        return new Scenario(name, workload, workers, tasks, concurrency, timeout, value);
    }

    /** How the scenario reads in test names: "repo-delete-2w: 2 workers, 400 tasks, 8 clients, repository-delete". */
    @Override
    public String toString() {
        return name + ": " + workers + (workers == 1 ? " worker, " : " workers, ") + tasks + " tasks, "
                + concurrency + (concurrency == 1 ? " client, " : " clients, ") + workload.key();
    }
}
