package io.pulpperf.throughput.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.observe.Check;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.workers.WorkerHealth;
import io.pulpperf.throughput.workers.WorkerHealthObserver;
import io.pulpperf.throughput.workers.WorkersAlive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 20 against -Dpulp.baseline: a baseline or a night that lost a worker is noted, not silently compared. */
class WorkerHealthBaselineTest {
    private static final WorkersAlive DROPPED = new WorkersAlive(false, List.of("1001@pulp-sim"));
    @TempDir
    Path dir;

    /** A baseline results.json of one scenario at 80 tasks/s whose workers were (or were not) all alive. */
    private Baseline baseline(boolean allAlive) throws Exception {
        ScenarioResult before = RunFixture.of("repo-2w", 2, 80).build();
        Map<String, Object> health = Map.of("onlineAtStart", List.of("1000@pulp-sim", "1001@pulp-sim"), "allAlive", allAlive,
                "left", allAlive ? List.of() : List.of(new WorkerHealth.Left("1001@pulp-sim", 3.0, 9.5, true)));
        Path file = dir.resolve("results.json");
        Files.writeString(file, ResultsJson.json(Map.of(), List.of(new JudgedScenario(before, List.of())),
                Map.of(before.runId(), Map.of(WorkerHealthObserver.SOURCE, health))));
        return BaselineFile.load(file, 0.10);
    }

    @Test
    void readsTheBaselinesWorkerHealth() throws Exception {
        assertThat(baseline(false).scenario("repo-2w").orElseThrow().workers()).isEqualTo(DROPPED);
        assertThat(baseline(true).scenario("repo-2w").orElseThrow().workers()).isEqualTo(new WorkersAlive(true, List.of()));
    }

    @Test
    void aBaselineThatLostAWorkerIsNotComparedButNoted() throws Exception {
        ScenarioResult slower = RunFixture.of("repo-2w", 2, 60).build();
        Baseline b = baseline(false);
        List<Check> checks = BaselineComparison.compare(slower, b, new WorkersAlive(true, List.of()));
        assertThat(checks).isNotEmpty().noneMatch(Check::failed).allMatch(c -> c.verdict() == Check.Verdict.NOTE);
        Check tps = checks.stream().filter(c -> c.figure().startsWith("tasks per second")).findFirst().orElseThrow();
        assertThat(tps.detail()).startsWith("not compared: workers not all alive (1001@pulp-sim left the online set) in the baseline results.json")
                .contains("for information 60.00 against at least 72.00");
        assertThat(BaselineComparison.compare(slower, baseline(true), null)).anyMatch(Check::failed);
    }

    @Test
    void tonightWithADropOutIsNotComparedButNoted() throws Exception {
        ScenarioResult slower = RunFixture.of("repo-2w", 2, 60).build();
        List<Check> checks = BaselineComparison.compare(slower, baseline(true), DROPPED);
        assertThat(checks).isNotEmpty().noneMatch(Check::failed);
        assertThat(checks).allSatisfy(c -> assertThat(c.detail()).startsWith(
                "not compared: workers not all alive (1001@pulp-sim left the online set) tonight"));
        List<Check> peaks = BaselineComparison.compareResources("repo-2w", Map.of("DB CPU", 2.0),
                new Baseline(Path.of("b.json"), 0.1, Map.of("repo-2w", new Baseline.Figures(80.0, 1000L, Map.of("DB CPU", 1.0), null))),
                DROPPED);
        assertThat(peaks).singleElement().satisfies(c -> {
            assertThat(c.failed()).isFalse();
            assertThat(c.detail()).contains("tonight").contains("for information");
        });
    }
}
