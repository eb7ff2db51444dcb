package io.pulpperf.throughput.run;

import io.pulpperf.throughput.load.DispatchRecord;
import io.pulpperf.throughput.measure.IngestionTally;
import java.util.List;

/**
 * The task ingestion plan's (0002) figures (issue 20): how many tasks the API ingests with N
 * simultaneous clients, as results.json holds them under {@code ingestion}; the drain by the
 * workers is the scenario's usual throughput.
 *
 * @param rate             tasks created per second, first to last {@code pulp_created} of the run (server clock)
 * @param perRequestRates  per answered request, its {@code tasks_executed} over its duration (client clock), in request order
 * @param clients          simultaneous clients (the plan's "simultaneous workers")
 * @param tasks            tasks created (found on the server)
 * @param tasksPerRequest  mean {@code tasks_executed} of the answered requests: the plan's "Tasks" per request
 */
public record IngestionResult(Double rate, List<Double> perRequestRates, int clients, long tasks, Double tasksPerRequest) {
    public IngestionResult {
        perRequestRates = List.copyOf(perRequestRates);
    }

    static IngestionResult of(IngestionTally tally, List<DispatchRecord> records, int clients) {
        List<DispatchRecord> answered = records.stream().filter(r -> r.accepted() && r.latencyMicros() > 0)
                .sorted(java.util.Comparator.comparingInt(DispatchRecord::seq)).toList();
        List<Double> perRequest = answered.stream().map(r -> round(r.tasks() / (r.latencyMicros() / 1e6))).toList();
        Double perRequestTasks = answered.isEmpty() ? null : answered.stream().mapToLong(DispatchRecord::tasks).average().orElse(0);
        Double rate = tally.rate();
        return new IngestionResult(rate == null ? null : round(rate), perRequest, clients, tally.count(), perRequestTasks);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
