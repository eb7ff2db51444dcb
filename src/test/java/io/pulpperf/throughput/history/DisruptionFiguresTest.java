package io.pulpperf.throughput.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.measure.RunAnalyzer;
import io.pulpperf.throughput.run.DispatchSummary;
import io.pulpperf.throughput.run.DisruptionResult;
import io.pulpperf.throughput.run.ScenarioResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A disruption's figures join the history under its name, each with the way it gets better (issue 28). */
class DisruptionFiguresTest {
    @Test
    void eachMeasuredDisruptionAddsItsFigures() {
        DisruptionResult d = new DisruptionResult("db-failover", "+20 s", 20.0, "true", 0, "", null, 7.8, 0.0, 7.6, true, 41.0, null,
                2, Map.of("Worker has gone missing.", 2L), 1, 486.0, "/t/", List.of(), 0, 3, 10, 0.3);
        DisruptionResult notRun = new DisruptionResult("late", "+90 s", null, "true", null, "", "did not run", null, null, null, false,
                null, "not measured", 0, Map.of(), 0, null, null, List.of(), 0, 0, 10, 0.3);
        Scenario s = Scenario.of("a", Workload.REPOSITORY_DELETE, 2, 10, 1, Duration.ofMinutes(1), new Thresholds(0, 0, 0));
        ScenarioResult r = new ScenarioResult(s, "run", 2, DispatchSummary.of(List.of()), new RunAnalyzer().result(List.of()), true,
                List.of(), List.of(), Path.of("t.csv"), Path.of("d.csv"), "sim", null, null, null, List.of(d, notRun));
        Map<String, Double> figures = FigureCatalog.of(r, null);
        assertThat(figures).containsEntry("disruption.db-failover.before", 7.8).containsEntry("disruption.db-failover.during", 0.0)
                .containsEntry("disruption.db-failover.after", 7.6).containsEntry("disruption.db-failover.recoverySeconds", 41.0)
                .containsEntry("disruption.db-failover.failed", 2.0).containsEntry("disruption.db-failover.stuck", 1.0);
        assertThat(figures.keySet()).noneMatch(k -> k.startsWith("disruption.late."));
        assertThat(FigureCatalog.direction("disruption.db-failover.recoverySeconds")).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(FigureCatalog.direction("disruption.db-failover.failed")).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(FigureCatalog.direction("disruption.db-failover.after")).isEqualTo(Direction.HIGHER_IS_BETTER);
    }
}
