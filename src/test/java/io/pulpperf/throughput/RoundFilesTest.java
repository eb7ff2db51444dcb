package io.pulpperf.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.run.Phases;
import io.pulpperf.throughput.run.Repeats;
import io.pulpperf.throughput.run.ScenarioResult;
import io.pulpperf.throughput.run.SimulatedRun;
import io.pulpperf.throughput.sim.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * repeat: k keeps every round's raw files (nothing measured is lost): round 1 where a single run's
 * go, round N in {@code <scenario>/round-N/}; run as the main job runs them, round by round.
 */
class RoundFilesTest {
    @TempDir
    Path out;

    @Test
    void aRepeatedScenarioKeepsEachRoundsTasksAndDispatchLog() throws Exception {
        Scenario s = SimulatedRun.scenario("repeat-2", Workload.DISTRIBUTION_CREATE, 1, 6, 2);
        Path dir = out.resolve("repeat-2");
        // An earlier run's third round: not this run's, so it goes when round 1 starts.
        Files.createDirectories(dir.resolve("round-3"));
        Files.writeString(dir.resolve("round-3").resolve("tasks.csv"), "stale");
        List<ScenarioResult> results = new ArrayList<>();
        try (SimulatedRun sim = new SimulatedRun(SimulatorConfig.defaults().withDefaultServiceTime("5ms"), out)) {
            for (Repeats.Planned p : Repeats.load(null, Map.of(Repeats.PROPERTY, "2")).interleave(List.of(s))) {
                results.add(AllureScenarioReport.run(sim.runner, p.scenario(), Phases.silent(), p.round().round()));
            }
        }
        assertThat(results).hasSize(2);
        String first = results.get(0).runId();
        String second = results.get(1).runId();
        assertThat(first).isNotEqualTo(second);

        assertThat(results.get(0).rawTasksCsv()).isEqualTo(dir.resolve("tasks.csv"));
        assertThat(results.get(1).rawTasksCsv()).isEqualTo(dir.resolve("round-2").resolve("tasks.csv"));
        assertThat(cids(dir.resolve("tasks.csv"))).containsExactly(first);
        assertThat(cids(dir.resolve("round-2").resolve("tasks.csv"))).containsExactly(second);
        assertThat(Files.readAllLines(dir.resolve("tasks.csv"))).hasSize(7);
        assertThat(Files.readAllLines(dir.resolve("round-2").resolve("tasks.csv"))).hasSize(7);
        assertThat(dir.resolve("dispatch.csv")).exists();
        assertThat(dir.resolve("round-2").resolve("dispatch.csv")).exists();
        assertThat(dir.resolve("round-3")).doesNotExist();
    }

    /** The distinct logging_cid of a tasks.csv: the run id of the round that wrote it. */
    private static Set<String> cids(Path tasksCsv) throws Exception {
        List<String> lines = Files.readAllLines(tasksCsv);
        int col = List.of(lines.get(0).split(",")).indexOf("logging_cid");
        return lines.stream().skip(1).map(l -> l.split(",", -1)[col]).collect(Collectors.toSet());
    }
}
