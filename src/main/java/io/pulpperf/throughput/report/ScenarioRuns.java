package io.pulpperf.throughput.report;

import io.pulpperf.throughput.history.Spread;
import io.pulpperf.throughput.run.ScenarioResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario's runs: its rounds with {@code repeat: k} (issue 19), else the one run. Scaling and
 * the USL fit compare scenarios, so k rounds must count as one scenario at one worker count, whose
 * figure is the median of its rounds (the figure results.md and the thresholds use).
 *
 * @param name    the scenario's name
 * @param workers task workers online (a round that saw a different count is a scenario of its own)
 * @param runs    its runs in the order they ran
 */
record ScenarioRuns(String name, int workers, List<ScenarioResult> runs) {
    ScenarioRuns {
        runs = List.copyOf(runs);
    }

    /** The results grouped by scenario, in the order each scenario first ran. */
    static List<ScenarioRuns> of(List<ScenarioResult> results) {
        Map<String, List<ScenarioResult>> byScenario = new LinkedHashMap<>();
        for (ScenarioResult r : results) {
            byScenario.computeIfAbsent(r.scenario().name() + "\u0000" + r.workersOnline(), k -> new ArrayList<>()).add(r);
        }
        return byScenario.values().stream()
                .map(runs -> new ScenarioRuns(runs.get(0).scenario().name(), runs.get(0).workersOnline(), runs)).toList();
    }

    ScenarioResult first() {
        return runs.get(0);
    }

    /** Each run's measured throughput, unmeasured ones left out. */
    List<Double> throughputs() {
        return runs.stream().map(r -> r.metrics().throughput()).filter(t -> t != null).toList();
    }

    /** Median and min-max of the throughputs; null when none was measured. */
    Spread throughput() {
        List<Double> t = throughputs();
        return t.isEmpty() ? null : Spread.of(t.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
