package io.pulpperf.throughput.report;

/**
 * One scenario's place on the scaling chart.
 *
 * @param workload   which API call made the tasks
 * @param scenario   the scenario's name
 * @param workers    task workers online during the run
 * @param throughput tasks per second, null when not measured
 * @param baseline   TPS(1) of the same workload, null without a 1-worker run of it
 * @param efficiency TPS(N) / (N x TPS(1)), null where either is missing
 */
public record ScalingRow(String workload, String scenario, int workers, Double throughput, Double baseline, Double efficiency) {}
