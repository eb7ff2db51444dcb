package io.pulpperf.throughput.report;

import io.pulpperf.throughput.workers.WorkersAlive;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of a previous run that the current one is compared with.
 *
 * @param source    the results.json they came from
 * @param tolerance allowed relative change before a figure counts as a regression, e.g. 0.10
 * @param scenarios figures by scenario name
 */
public record Baseline(Path source, double tolerance, Map<String, Figures> scenarios) {
    public Baseline {
        scenarios = Map.copyOf(scenarios);
    }

    /**
     * One scenario's figures in the baseline; null where that run did not measure them.
     *
     * @param throughput    tasks per second (completed / (last finished_at - first started_at))
     * @param p95TotalMicros p95 of finished_at - pulp_created over completed tasks, microseconds
     * @param resourcePeaks  peak of each resource series from Prometheus, by series name (issue 13)
     * @param sustainedRate a capacity search's sustained rate, tasks per second; null for other shapes
     * @param workers       whether that run's workers were all alive (issue 20); null when it did not say
     */
    public record Figures(Double throughput, Long p95TotalMicros, Map<String, Double> resourcePeaks, Double sustainedRate,
                          WorkersAlive workers) {
        public Figures {
            resourcePeaks = Map.copyOf(resourcePeaks);
        }

        /** A run that said nothing of its workers' health. */
        public Figures(Double throughput, Long p95TotalMicros, Map<String, Double> resourcePeaks, Double sustainedRate) {
            this(throughput, p95TotalMicros, resourcePeaks, sustainedRate, null);
        }

        /** A run without resource figures that is no capacity search. */
        public Figures(Double throughput, Long p95TotalMicros) {
            this(throughput, p95TotalMicros, Map.of(), null);
        }
    }

    public Optional<Figures> scenario(String name) {
        return Optional.ofNullable(scenarios.get(name));
    }
}
