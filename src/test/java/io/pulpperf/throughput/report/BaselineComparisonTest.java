package io.pulpperf.throughput.report;

import io.pulpperf.throughput.observe.Check;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A scenario regresses when throughput fell, or p95 total latency rose, by more than the tolerance. */
class BaselineComparisonTest {
    private static final Baseline BASELINE = new Baseline(Path.of("nightly/results.json"), 0.10,
            Map.of("repo-2w", new Baseline.Figures(80.0, 2_000_000L), "no-latency", new Baseline.Figures(50.0, null)));

    private static Check check(List<Check> checks, String figure) {
        return checks.stream().filter(c -> c.figure().startsWith(figure)).findFirst().orElseThrow();
    }

    @Test
    void throughputThatFellByMoreThanTheToleranceFailsNamingTheFigureAndBothValues() {
        Check tps = check(BaselineComparison.compare("repo-2w", 70.0, 2_000_000L, BASELINE), "tasks per second");
        assertThat(tps.verdict()).isEqualTo(Check.Verdict.FAIL);
        assertThat(tps.message()).isEqualTo("regression: tasks per second vs baseline: expected at least 72.00 "
                + "(baseline 80.00 - 10%) but was 70.00 (change -12.5%)");
    }

    @Test
    void throughputWithinTheTolerancePasses() {
        assertThat(check(BaselineComparison.compare("repo-2w", 72.5, 2_000_000L, BASELINE), "tasks per second").verdict())
                .isEqualTo(Check.Verdict.PASS);
        assertThat(check(BaselineComparison.compare("repo-2w", 95.0, 2_000_000L, BASELINE), "tasks per second").verdict())
                .as("faster is never a regression").isEqualTo(Check.Verdict.PASS);
    }

    @Test
    void p95LatencyThatRoseByMoreThanTheToleranceFails() {
        Check p95 = check(BaselineComparison.compare("repo-2w", 80.0, 2_300_000L, BASELINE), "p95 total latency");
        assertThat(p95.verdict()).isEqualTo(Check.Verdict.FAIL);
        assertThat(p95.message()).isEqualTo("regression: p95 total latency vs baseline: expected at most 2200.0 ms "
                + "(baseline 2000.0 ms + 10%) but was 2300.0 ms (change +15.0%)");
        assertThat(check(BaselineComparison.compare("repo-2w", 80.0, 2_150_000L, BASELINE), "p95 total latency").verdict())
                .isEqualTo(Check.Verdict.PASS);
    }

    @Test
    void theToleranceComesFromTheBaseline() {
        Baseline strict = new Baseline(BASELINE.source(), 0.01, BASELINE.scenarios());
        assertThat(check(BaselineComparison.compare("repo-2w", 78.0, 2_000_000L, strict), "tasks per second").failed()).isTrue();
        Baseline loose = new Baseline(BASELINE.source(), 0.5, BASELINE.scenarios());
        assertThat(check(BaselineComparison.compare("repo-2w", 41.0, 2_900_000L, loose), "tasks per second").failed()).isFalse();
        assertThat(check(BaselineComparison.compare("repo-2w", 41.0, 2_900_000L, loose), "p95").failed()).isFalse();
    }

    @Test
    void aScenarioMissingFromTheBaselineIsNotedNotFailed() {
        List<Check> checks = BaselineComparison.compare("brand-new", 10.0, 1_000L, BASELINE);
        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.verdict()).isEqualTo(Check.Verdict.NOTE);
            assertThat(c.detail()).contains("brand-new", "not in the baseline", "results.json");
        });
    }

    @Test
    void aFigureTheBaselineDidNotMeasureIsNoted() {
        Check p95 = check(BaselineComparison.compare("no-latency", 50.0, 1_000_000L, BASELINE), "p95");
        assertThat(p95.verdict()).isEqualTo(Check.Verdict.NOTE);
    }

    @Test
    void noThroughputNowAgainstAMeasuredBaselineFails() {
        Check tps = check(BaselineComparison.compare("repo-2w", null, null, BASELINE), "tasks per second");
        assertThat(tps.failed()).isTrue();
        assertThat(tps.message()).contains("but was -", "not measured in this run");
        assertThat(check(BaselineComparison.compare("repo-2w", null, null, BASELINE), "p95").verdict())
                .isEqualTo(Check.Verdict.NOTE);
    }

    @Test
    void comparesAWholeResultByItsScenarioName() {
        var result = RunFixture.of("repo-2w", 2, 60).build();
        List<Check> checks = BaselineComparison.compare(result, BASELINE);
        assertThat(checks).hasSize(2);
        assertThat(check(checks, "tasks per second").failed()).isTrue();
        assertThat(check(checks, "tasks per second").actual()).isEqualTo("60.00");
    }
}
