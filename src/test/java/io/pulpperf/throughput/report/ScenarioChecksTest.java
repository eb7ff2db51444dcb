package io.pulpperf.throughput.report;

import io.pulpperf.throughput.observe.Check;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.Thresholds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each scenario is judged by its thresholds, a complete run, a target that answered and a run without problems. */
class ScenarioChecksTest {
    private static Check check(List<Check> checks, String figure) {
        return checks.stream().filter(c -> c.figure().equals(figure)).findFirst().orElseThrow();
    }

    @Test
    void aGoodRunPassesEveryCheck() {
        List<Check> checks = ScenarioChecks.of(RunFixture.of("ok", 1, 40).build());
        assertThat(checks).extracting(Check::figure).containsExactly("tasks per second", "success rate", "lost tasks",
                "every task finished before the timeout", "dispatch requests without a task", "problems during the run");
        assertThat(checks).allSatisfy(c -> assertThat(c.verdict()).isEqualTo(Check.Verdict.PASS));
    }

    @Test
    void thresholdBreachesNameTheFigureTheBoundAndTheValue() {
        // 100 completed and 10 failed, back to back at 20/s: 100 / 5.5 s = 18.18 completed per second
        var r = RunFixture.of("slow", 1, 20).failed(10).thresholds(new Thresholds(30, 0.99, 0)).build();
        List<Check> checks = ScenarioChecks.of(r);
        assertThat(check(checks, "tasks per second").message())
                .isEqualTo("threshold: tasks per second: expected at least 30.00 but was 18.18 "
                        + "(completed / (last finished_at - first started_at))");
        assertThat(check(checks, "success rate").message()).startsWith("threshold: success rate: expected at least 99.0% but was 90.9%");
        assertThat(check(checks, "lost tasks").failed()).isFalse();
    }

    @Test
    void anIncompleteRunAndDispatchErrorsHaveTheirOwnPrefixes() {
        var r = RunFixture.of("bad", 2, 40).dispatchErrors(Map.of(503, 2, -1, 1))
                .incomplete("incomplete run: timed out after 120 s with 7 tasks still unfinished").build();
        List<Check> checks = ScenarioChecks.of(r);
        assertThat(check(checks, "every task finished before the timeout").message()).startsWith("incomplete run: ");
        assertThat(check(checks, "dispatch requests without a task").message())
                .isEqualTo("target error: dispatch requests without a task: expected 0 but was 3 "
                        + "(by HTTP status: no answer=1, 202=100, 503=2)");
        assertThat(check(checks, "problems during the run").message())
                .isEqualTo("run problem: problems during the run: expected 0 but was 1 "
                        + "(incomplete run: timed out after 120 s with 7 tasks still unfinished)");
    }

    @Test
    void unansweredRequestsOfATimedOutRunBelongToTheIncompleteRun() {
        var cut = RunFixture.of("cut", 1, 40).dispatchErrors(Map.of(-1, 13)).incomplete("incomplete run: timed out").build();
        assertThat(check(ScenarioChecks.of(cut), "dispatch requests without a task").message())
                .startsWith("incomplete run: dispatch requests without a task: expected 0 but was 13");
        var refused = RunFixture.of("refused", 1, 40).dispatchErrors(Map.of(-1, 3, 401, 2)).incomplete("incomplete run: timed out").build();
        assertThat(check(ScenarioChecks.of(refused), "dispatch requests without a task").kind()).isEqualTo(Check.Kind.TARGET_ERROR);
        var unanswered = RunFixture.of("unanswered", 1, 40).dispatchErrors(Map.of(-1, 3)).build();
        assertThat(check(ScenarioChecks.of(unanswered), "dispatch requests without a task").kind())
                .as("no answer although the run finished in time").isEqualTo(Check.Kind.TARGET_ERROR);
    }

    @Test
    void aRunWithoutCompletedTasksFailsThroughputAsNotMeasured() {
        var r = RunFixture.of("none", 1, 40).failed(3);
        var result = new RunFixture(r.name(), r.workload(), 1, 0, 3, 40, r.thresholds(), Map.of(), true, List.of()).build();
        assertThat(check(ScenarioChecks.of(result), "tasks per second").message()).contains("but was -");
    }
}
