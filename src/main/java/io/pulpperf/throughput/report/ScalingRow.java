package io.pulpperf.throughput.report;

import java.util.List;

/**
 * One scenario's place on the scaling chart.
 *
 * @param kind          what it is compared with: workload, request and shape (see Scaling.kind); null = nothing (open model)
 * @param scenario      the scenario's name
 * @param workers       task workers online during the run
 * @param throughput    tasks per second, null when not measured
 * @param baseline      TPS(1) of the same kind, null without a 1-worker run of it
 * @param efficiency    TPS(N) / (N x TPS(1)), null where either is missing
 * @param baseScenarios the 1-worker runs TPS(1) was taken from (their mean when several)
 * @param medianOf      runs (rounds, repeat: k) of the scenario the throughput is the median of; 1 without repeat
 */
public record ScalingRow(String kind, String scenario, int workers, Double throughput, Double baseline, Double efficiency,
                         List<String> baseScenarios, int medianOf) {
    public ScalingRow {
        baseScenarios = List.copyOf(baseScenarios);
    }

    /** For Observations: "scaling 95.0% vs repo-delete-1w", or null where there is no like base. */
    public String observation() {
        if (efficiency == null || workers <= 1) return null;
        String base = baseScenarios.size() == 1 ? baseScenarios.get(0) : "mean of " + String.join(", ", baseScenarios);
        return "scaling " + Format.percent(efficiency) + " vs " + base + (medianOf > 1 ? " (medians of the rounds)" : "");
    }
}
