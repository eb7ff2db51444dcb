package io.pulpperf.throughput.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything one run of the suite needs, read once from the matrix file and {@code -D} overrides.
 *
 * @param configFile        the matrix file read
 * @param target            the Pulp under test (or the simulator)
 * @param pollInterval      how often the wait asks for the run's unfinished tasks
 * @param pageSize          tasks per page when collecting
 * @param onWorkerMismatch  skip, or run and label, when the worker count does not match
 * @param outputDir         where raw data and tables are written
 * @param simulator         simulator behaviour, when it is the target
 * @param cleanup           whether what a run created is deleted afterwards
 * @param scaling           how to change the worker count of a real Pulp
 * @param stallPeriod       how long waiting tasks, idle online workers and no progress may coincide before it is called a stall
 * @param scenarios         the selected scenarios, in file order
 * @param limits            timeouts, tries and grace that bound every call and wait
 */
public record SuiteSettings(Path configFile, Target target, Duration pollInterval, int pageSize,
                            WorkerMismatch onWorkerMismatch, Path outputDir, SimulatorSettings simulator,
                            boolean cleanup, WorkerScaling scaling, Duration stallPeriod, List<Scenario> scenarios,
                            Limits limits) {
    public SuiteSettings {
        scenarios = List.copyOf(scenarios);
    }

    public SuiteSettings withTarget(Target value) {
        return new SuiteSettings(configFile, value, pollInterval, pageSize, onWorkerMismatch, outputDir, simulator, cleanup, scaling,
                stallPeriod, scenarios, limits);
    }
}
