package io.pulpperf.throughput.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Scaling efficiency TPS(N) / (N x TPS(1)), per workload, only against a 1-worker run of that workload. */
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
        assertThat(csv).isEqualTo("workload,scenario,workers,tasks_per_s,tps_1_worker,scaling_efficiency\n"
                + "create,create-2w,2,25.00,-,-\n");
    }
}
