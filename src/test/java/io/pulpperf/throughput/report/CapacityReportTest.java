package io.pulpperf.throughput.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulpperf.throughput.config.SearchSettings;
import io.pulpperf.throughput.config.Thresholds;
import io.pulpperf.throughput.run.CapacityResult;
import io.pulpperf.throughput.run.CapacityStep;
import io.pulpperf.throughput.run.ScenarioResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A capacity search in the results table, results.json, the checks, the baseline gate and the charts (issue 14). */
class CapacityReportTest {
    private static final long T0 = RunFixture.T0;

    @TempDir
    Path dir;

    private static CapacityStep step(int n, boolean rising, double rate, double completed, long p95Millis, CapacityStep.Verdict v) {
        long start = T0 + n * 3_000_000L;
        boolean saturated = v == CapacityStep.Verdict.SATURATED;
        return new CapacityStep(n, rising, rate, "cid" + n, Math.round(rate * 2), 0, Math.round(rate * 2), rate, completed,
                saturated ? completed : null, saturated ? (long) (rate * 100_000) : 0,
                v == CapacityStep.Verdict.SATURATED ? rate - completed : 0.0, 0, p95Millis * 500, p95Millis * 1000, 0, start,
                start + 2_000_000, v, v == CapacityStep.Verdict.KEPT_UP ? List.of() : List.of("completed fell behind"));
    }

    /** Rising 4, 8, 16 (saturated at 14.1), then bisection: 12 kept up, 14 saturated. */
    static ScenarioResult search(double minSustained) {
        CapacityResult c = CapacityResult.of(List.of(
                step(1, true, 4, 4, 10, CapacityStep.Verdict.KEPT_UP),
                step(2, true, 8, 8, 50, CapacityStep.Verdict.KEPT_UP),
                step(3, true, 16, 14.1, 3000, CapacityStep.Verdict.SATURATED),
                step(4, false, 11.8, 11.8, 400, CapacityStep.Verdict.KEPT_UP),
                step(5, false, 14, 13.9, 900, CapacityStep.Verdict.SATURATED)), "refined 2 times between 11.8 and 14 tasks/s");
        ScenarioResult base = RunFixture.of("cap-2w", 2, 10).thresholds(new Thresholds(0, 0.99, 0, minSustained)).build();
        return new ScenarioResult(base.scenario().withSearch(new SearchSettings(4, 2, 100, Duration.ofSeconds(2), 2, null, 0.03)),
                base.runId(), base.workersOnline(), base.dispatch(), base.metrics(), true, List.of(), base.notes(),
                base.rawTasksCsv(), base.dispatchCsv(), base.target(), c);
    }

    /** Saturation from the saturated step nearest the knee (step 5 at 14/s), the heaviest (step 3 at 16/s) as the overload (issue 21). */
    @Test
    void theResultIsTheBestKeptUpStepAndTheSaturatedStepNearestTheKnee() {
        CapacityResult c = search(10).capacity();
        assertThat(c.sustainedRate()).isEqualTo(11.8);
        assertThat(c.sustainedP95WaitMicros()).isEqualTo(400_000);
        assertThat(c.saturatedRate()).isEqualTo(13.9);
        assertThat(c.overload()).isEqualTo(new CapacityResult.Overload(16, 14.1));
        assertThat(CapacityTable.sentence(c)).isEqualTo("sustains 11.8 tasks/s (p95 wait 0.4 s), saturates at 13.9 tasks/s; "
                + "under 1.15x overload (16.0 tasks/s offered) the workers still completed 14.1 tasks/s");
    }

    /** Rising 4, 8 kept up, 16 saturated at 9.5 (run p50 80 ms vs 31 ms), bisection 12 kept up, 14 saturated at 11.2; a confirmation. */
    private static CapacityResult moved(CapacityResult.Confirmation confirmation) {
        List<CapacityStep> steps = List.of(step(1, true, 4, 4, 10, CapacityStep.Verdict.KEPT_UP),
                step(2, true, 8, 8, 50, CapacityStep.Verdict.KEPT_UP),
                withRun(step(3, true, 16, 9.5, 3000, CapacityStep.Verdict.SATURATED), 90_000),
                withRun(step(4, false, 12.3, 12.3, 75, CapacityStep.Verdict.KEPT_UP), 31_000),
                withRun(step(5, false, 14, 11.2, 900, CapacityStep.Verdict.SATURATED), 80_000));
        return CapacityResult.of(steps, "refined", confirmation);
    }

    private static CapacityStep withRun(CapacityStep s, long runP50Micros) {
        return new CapacityStep(s.number(), s.rising(), s.targetRate(), s.correlationId(), s.requests(), s.dispatchErrors(), s.tasks(),
                s.offeredRate(), s.completionRate(), s.busyRate(), s.busyMicros(), s.queueGrowth(), s.waitingAtEnd(), s.p50WaitMicros(),
                s.p95WaitMicros(), s.failed(), s.startMicros(), s.endMicros(), s.verdict(), s.reasons(), runP50Micros);
    }

    @Test
    void capacityThatMovedIsSaidPlainlyWithTheCauseAndTheOverloadLoss() {
        String sentence = CapacityTable.sentence(moved(null));
        assertThat(sentence).isEqualTo("sustains 12.3 tasks/s (p95 wait 0.075 s), saturates at 11.2 tasks/s; "
                + "under 1.43x overload (16.0 tasks/s offered) the workers completed 15% less (9.5 tasks/s): the target degrades past saturation; "
                + "the target's capacity moved during the search: saturated, the workers completed 11.2 tasks/s, 9% below the 12.3 sustained "
                + "from an empty queue; run time p50 rose from 31 ms (step 4) to 80 ms (step 5): a standing queue slowed each task; "
                + "hold longer steps (search.step) and read the confirmation step");
    }

    @Test
    void theConfirmationStepSaysWhetherTheRateHoldsWithAStandingQueue() throws Exception {
        CapacityResult held = moved(new CapacityResult.Confirmation(12.3, 85, 40, true, 12.9, 2_100_000L, 12.3, 40_000L, 20));
        assertThat(CapacityTable.sentence(held)).endsWith("; confirmed with a standing queue: 12.3 tasks/s held 20 s from 85 waiting "
                + "(40 at its end; completed 12.9 tasks/s, p95 wait 2.1 s)");
        CapacityResult notHeld = moved(new CapacityResult.Confirmation(12.3, 85, 150, false, 10.7, 9_000_000L, 12.3, 80_000L, 20));
        assertThat(CapacityTable.sentence(notHeld)).endsWith("; sustained from empty, not with a standing queue: at 12.3 tasks/s from 85 "
                + "waiting the queue grew to 150 in 20 s (completed 10.7 tasks/s, p95 wait 9.0 s)");
        JsonNode json = new ObjectMapper().valueToTree(notHeld);
        assertThat(json.path("confirmation").path("waitingAtStart").asLong()).isEqualTo(85);
        assertThat(json.path("confirmation").path("keptUp").asBoolean()).isFalse();
        assertThat(json.path("confirmation").path("p95WaitMicros").asLong()).isEqualTo(9_000_000L);
        assertThat(json.path("overload").path("completedRate").asDouble()).isEqualTo(9.5);
    }

    @Test
    void theResultsRowShowsTheSustainedRateAndTheSentence() {
        JudgedScenario j = new JudgedScenario(search(10), ScenarioChecks.of(search(10)));
        String md = ResultsTable.markdown("t", List.of(j));
        assertThat(md).contains("| 1 cap-2w | 2 | 100 | 100 | 11.80 | PASSED, repository-delete, sustains 11.8 tasks/s (p95 wait 0.4 s), "
                + "saturates at 13.9 tasks/s; under 1.15x overload (16.0 tasks/s offered) the workers still completed 14.1 tasks/s (5 steps)");
    }

    @Test
    void theSustainedRateIsCheckedAgainstMinSustainedRate() {
        assertThat(ScenarioChecks.of(search(12))).filteredOn(c -> c.figure().equals("sustained tasks per second"))
                .singleElement().satisfies(c -> assertThat(c.failed()).isTrue());
        assertThat(ScenarioChecks.of(search(11))).filteredOn(c -> c.figure().equals("sustained tasks per second"))
                .singleElement().satisfies(c -> assertThat(c.failed()).isFalse());
    }

    @Test
    void resultsJsonCarriesTheCapacityAndTheBaselineGateComparesItsSustainedRate() throws Exception {
        Path file = dir.resolve("results.json");
        ResultsJson.write(file, Map.of("date", "2026-11-30"), List.of(new JudgedScenario(search(10), List.of())));
        JsonNode capacity = new ObjectMapper().readTree(file.toFile()).path("scenarios").get(0).path("capacity");
        assertThat(capacity.path("sustainedRate").asDouble()).isEqualTo(11.8);
        assertThat(capacity.path("saturatedRate").asDouble()).isEqualTo(13.9);
        assertThat(capacity.path("overload").path("offeredRate").asDouble()).isEqualTo(16);
        assertThat(capacity.path("steps")).hasSize(5);
        assertThat(capacity.path("steps").get(2).path("verdict").asText()).isEqualTo("SATURATED");

        Baseline baseline = BaselineFile.load(file, 0.10);
        assertThat(baseline.scenario("cap-2w").orElseThrow().sustainedRate()).isEqualTo(11.8);
        assertThat(BaselineComparison.compareSustained("cap-2w", 10.7, baseline)).singleElement()
                .satisfies(c -> assertThat(c.failed()).as(c.message()).isFalse());
        assertThat(BaselineComparison.compareSustained("cap-2w", 10.5, baseline)).singleElement()
                .satisfies(c -> assertThat(c.failed()).as("10.5 is more than 10% below 11.8").isTrue());
    }

    @Test
    void theChartsMarkSustainedAndSaturationAndNumberTheSteps() {
        ScenarioResult r = search(10);
        String rates = Charts.svg(CapacityChart.rates("cap-2w", r.capacity()), CapacityChart.WIDTH, CapacityChart.HEIGHT);
        assertThat(rates).contains("sustained 11.8/s").contains("saturation 13.9/s").contains("offered").contains("completed");
        String queue = Charts.svg(CapacityChart.queue("cap-2w", r.metrics(), r.capacity()), CapacityChart.WIDTH, CapacityChart.HEIGHT);
        assertThat(queue).contains(">5<").contains("waiting (queue)");
        assertThat(CapacityTable.csv(r.capacity()).lines()).hasSize(6).element(3).asString().startsWith("3,rising,16.00,16.00,14.10,14.10,");
    }
}
