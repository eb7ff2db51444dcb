package io.pulpperf.throughput.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pulpperf.throughput.config.Scenario;
import io.pulpperf.throughput.config.Shape;
import io.pulpperf.throughput.config.Workload;
import io.pulpperf.throughput.run.ScenarioResult;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Scaling efficiency TPS(N) / (N x TPS(1)), only against a 1-worker run of the same kind: workload,
 * shape and closed model (the mismatches below were seen on a real Pulp: 125.1% for a backlog run
 * against a steady one, 48.2% for a steady run against a backlog one).
 */
class ScalingTest {
    private static Scaling.Point p(String workload, int workers, Double tps) {
        return new Scaling.Point(workload, workload + "-" + workers + "w", workers, tps);
    }

    @Test
    void efficiencyIsThroughputOverNTimesTheOneWorkerThroughput() {
        List<ScalingRow> rows = Scaling.rows(List.of(p("delete", 1, 40.0), p("delete", 2, 76.0), p("delete", 4, 120.0)));
        assertThat(rows).extracting(ScalingRow::efficiency).containsExactly(1.0, 0.95, 0.75);
        assertThat(rows).extracting(ScalingRow::baseline).containsOnly(40.0);
    }

    @Test
    void workloadsAreComparedOnlyWithThemselves() {
        List<ScalingRow> rows = Scaling.rows(List.of(p("delete", 1, 40.0), p("create", 2, 25.0), p("delete", 2, 80.0)));
        assertThat(rows.get(1).efficiency()).as("no 1-worker run of create").isNull();
        assertThat(rows.get(1).baseline()).isNull();
        assertThat(rows.get(2).efficiency()).isEqualTo(1.0);
    }

    @Test
    void severalOneWorkerRunsAreAveraged() {
        List<ScalingRow> rows = Scaling.rows(List.of(p("delete", 1, 30.0), p("delete", 1, 50.0), p("delete", 2, 60.0)));
        assertThat(rows.get(2).baseline()).isEqualTo(40.0);
        assertThat(rows.get(2).efficiency()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void unmeasuredThroughputGivesNoEfficiencyAndNoBaseline() {
        List<ScalingRow> rows = Scaling.rows(List.of(p("delete", 1, null), p("delete", 2, 80.0)));
        assertThat(rows).extracting(ScalingRow::efficiency).containsOnlyNulls();
        assertThat(Scaling.efficiency(80.0, 0, 40.0)).isNull();
        assertThat(Scaling.efficiency(80.0, 2, 0.0)).isNull();
    }

    @Test
    void usesTheWorkersThatWereOnlineNotTheOnesAskedFor() {
        var r1 = RunFixture.of("one", 1, 40).build();
        var r2 = RunFixture.of("two", 2, 60).build();
        List<ScalingRow> rows = Scaling.of(List.of(r1, r2));
        assertThat(rows.get(1).workers()).isEqualTo(2);
        assertThat(rows.get(1).efficiency()).isCloseTo(0.75, within(0.01));
    }

    @Test
    void csvWritesADashWhereNothingWasMeasured() {
        String csv = Scaling.csv(Scaling.rows(List.of(p("create", 2, 25.0))));
        assertThat(csv).isEqualTo("kind,scenario,workers,tasks_per_s,tps_1_worker,scaling_efficiency,base\n"
                + "create,create-2w,2,25.00,-,-,-\n");
    }

    private static ScenarioResult run(String name, Workload workload, int workers, double tps, UnaryOperator<Scenario> edit) {
        ScenarioResult r = RunFixture.of(name, workers, tps).workload(workload).build();
        return new ScenarioResult(edit.apply(r.scenario()), r.runId(), r.workersOnline(), r.dispatch(), r.metrics(), r.finished(),
                r.problems(), r.notes(), r.rawTasksCsv(), r.dispatchCsv(), r.target());
    }

    @Test
    void aBacklogDrainIsNotComparedWithASteadyRun() {
        List<ScalingRow> rows = Scaling.of(List.of(
                run("delete-1w", Workload.REPOSITORY_DELETE, 1, 40, s -> s),
                run("delete-backlog-2w", Workload.REPOSITORY_DELETE, 2, 100, s -> s.withShape(Shape.BACKLOG))));
        assertThat(rows.get(1).efficiency()).as("backlog 2w against steady 1w").isNull();
        assertThat(rows.get(1).observation()).isNull();
        assertThat(rows.get(1).kind()).isEqualTo("repository-delete, backlog");
    }

    @Test
    void aSteadyRunIsNotComparedWithABacklogDrain() {
        List<ScalingRow> rows = Scaling.of(List.of(
                run("dist-backlog-1w", Workload.DISTRIBUTION_CREATE, 1, 26, s -> s.withShape(Shape.BACKLOG)),
                run("dist-2w", Workload.DISTRIBUTION_CREATE, 2, 25, s -> s)));
        assertThat(rows.get(1).efficiency()).as("steady 2w against backlog 1w").isNull();
        assertThat(rows.get(1).baseScenarios()).isEmpty();
    }

    @Test
    void anOpenModelRunHasNoScalingAndIsNoBase() {
        List<ScalingRow> rows = Scaling.of(List.of(
                run("delete-open-1w", Workload.REPOSITORY_DELETE, 1, 10, s -> s.withRate(10.0)),
                run("delete-2w", Workload.REPOSITORY_DELETE, 2, 80, s -> s),
                run("delete-1w", Workload.REPOSITORY_DELETE, 1, 40, s -> s),
                run("delete-open-2w", Workload.REPOSITORY_DELETE, 2, 10, s -> s.withRate(10.0))));
        assertThat(rows.get(0).kind()).isNull();
        assertThat(rows.get(1).efficiency()).as("base is the closed 1w run only").isEqualTo(1.0);
        assertThat(rows.get(1).baseScenarios()).containsExactly("delete-1w");
        assertThat(rows.get(3).efficiency()).as("open model: measures its offered rate").isNull();
    }

    @Test
    void likeRunsArePairedAndTheObservationNamesTheBase() {
        List<ScalingRow> rows = Scaling.of(List.of(
                run("delete-backlog-1w", Workload.REPOSITORY_DELETE, 1, 40, s -> s.withShape(Shape.BACKLOG)),
                run("delete-backlog-2w", Workload.REPOSITORY_DELETE, 2, 76, s -> s.withShape(Shape.BACKLOG))));
        assertThat(rows.get(1).efficiency()).isCloseTo(0.95, within(0.001));
        assertThat(rows.get(1).observation()).isEqualTo("scaling 95.0% vs delete-backlog-1w");
        assertThat(rows.get(0).observation()).as("the base itself").isNull();
    }

    @Test
    void severalBasesAreNamed() {
        List<ScalingRow> rows = Scaling.rows(List.of(p("delete", 1, 30.0), p("delete", 1, 50.0), p("delete", 2, 60.0)));
        assertThat(rows.get(2).observation()).isEqualTo("scaling 75.0% vs mean of delete-1w, delete-1w");
    }

    @Test
    void resultsTableLeavesTheColumnEmptyWithoutALikeBase() {
        List<JudgedScenario> judged = List.of(
                new JudgedScenario(run("delete-1w", Workload.REPOSITORY_DELETE, 1, 40, s -> s), List.of()),
                new JudgedScenario(run("delete-backlog-2w", Workload.REPOSITORY_DELETE, 2, 100,
                        s -> s.withShape(Shape.BACKLOG)), List.of()));
        List<String> csv = ResultsTable.csv(judged).lines().toList();
        assertThat(csv.get(2)).startsWith("2 delete-backlog-2w,2,100,100,100.00,-,").doesNotContain("scaling");
        assertThat(ResultsTable.markdown("t", judged)).contains("1-worker run of the same workload, shape and closed model");
    }
}
