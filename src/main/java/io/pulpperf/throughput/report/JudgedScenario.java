package io.pulpperf.throughput.report;

import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.run.ScenarioResult;
import java.util.List;

/**
 * A scenario's result with the checks it was judged by.
 *
 * @param result what the scenario produced
 * @param checks thresholds, completeness, target errors and baseline comparison, in report order
 */
public record JudgedScenario(ScenarioResult result, List<Check> checks) {
    public JudgedScenario {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().noneMatch(Check::failed);
    }

    public List<Check> failures() {
        return checks.stream().filter(Check::failed).toList();
    }
}
