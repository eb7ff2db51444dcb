package io.pulpperf.throughput.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.measure.RunAnalyzer;
import io.pulpperf.throughput.run.DispatchSummary;
import io.pulpperf.throughput.run.ScenarioResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Observations column takes extra lines by run id (the DB sampler's, issue 8) and stays as it was without them. */
class ResultsTableObservationsTest {
    private static JudgedScenario result(String runId) {
        Scenario s = Scenario.of("repo-delete-1w", Workload.REPOSITORY_DELETE, 1, 10, 1, Duration.ofMinutes(1), new Thresholds(0, 1, 0));
        return new JudgedScenario(new ScenarioResult(s, runId, 1, DispatchSummary.of(List.of()), new RunAnalyzer().result(List.of()),
                true, List.of(), List.of(), Path.of("tasks.csv"), Path.of("dispatch.csv"), "test"), List.of());
    }

    @Test
    void appendsTheExtraObservationOfItsRunOnly() {
        String table = ResultsTable.markdown("t", List.of(result("run-a"), result("run-b")),
                Map.of("run-a", "DB: peak 4 active connections, peak 1 lock waits, mean 120 xact/s"));
        List<String> rows = table.lines().filter(l -> l.startsWith("| 1 ") || l.startsWith("| 2 ")).toList();
        assertThat(rows.get(0)).endsWith(", DB: peak 4 active connections, peak 1 lock waits, mean 120 xact/s |");
        assertThat(ResultsTable.csv(List.of(result("run-a")), Map.of("run-a", "DB: x"))).contains("DB: x");
        assertThat(rows.get(1)).doesNotContain("DB:");
        assertThat(ResultsTable.markdown("t", List.of(result("run-b")))).isEqualTo(ResultsTable.markdown("t", List.of(result("run-b")), Map.of()));
    }
}
