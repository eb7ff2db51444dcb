package io.pulpperf.throughput.db;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything the sampler saw during one scenario.
 *
 * @param url                 the sampled database, password redacted
 * @param interval            time between samples
 * @param startedAt           when sampling started
 * @param stoppedAt           when it stopped
 * @param samples             the samples, oldest first
 * @param statementsAvailable whether pg_stat_statements could be read at the start and the end
 * @param topStatements       statements by total time spent during the scenario (empty without pg_stat_statements)
 * @param problems            what went wrong (lost connection, failed samples), in plain words
 */
public record DbReport(String url, Duration interval, Instant startedAt, Instant stoppedAt, List<DbSample> samples,
                       boolean statementsAvailable, List<StatementStats> topStatements, List<String> problems) {
    public DbReport {
        samples = List.copyOf(samples);
        topStatements = List.copyOf(topStatements);
        problems = List.copyOf(problems);
    }

    /** The median time one sample took, milliseconds; NaN without samples. */
    public double medianCostMillis() {
        double[] costs = samples.stream().mapToDouble(DbSample::costMillis).sorted().toArray();
        if (costs.length == 0) return Double.NaN;
        int mid = costs.length / 2;
        return costs.length % 2 == 1 ? costs[mid] : (costs[mid - 1] + costs[mid]) / 2;
    }
}
