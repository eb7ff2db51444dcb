package io.pulpperf.throughput.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulpperf.throughput.config.SearchSettings;
import io.pulpperf.throughput.measure.StepRates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import org.junit.jupiter.api.Test;

/** The search's choice of rates against a server that keeps up below a known capacity, and the verdict of one step. */
class SearchPlanTest {
    private static final SearchSettings SETTINGS = new SearchSettings(2, 1.5, 500, Duration.ofSeconds(20), 3, null, 0.03);

    private static List<Double> offered(SearchSettings s, DoublePredicate keepsUp) {
        SearchPlan plan = new SearchPlan(s);
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < 100 && plan.next().isPresent(); i++) {
            double rate = plan.next().getAsDouble();
            rates.add(rate);
            plan.record(keepsUp.test(rate));
        }
        return rates;
    }

    @Test
    void risesByTheFactorStopsAtTheFirstRateNotKeptUpWithThenBisects() {
        List<Double> rates = offered(SETTINGS, r -> r <= 14);
        // 2, 3, 4.5, 6.75, 10.125, 15.1875 (not kept up), then 12.66, 13.92, 14.55
        assertThat(rates).hasSize(9);
        assertThat(rates.subList(0, 6)).containsExactly(2.0, 3.0, 4.5, 6.75, 10.125, 15.1875);
        assertThat(rates.subList(6, 9)).allMatch(r -> r > 10.125 && r < 15.1875);
        assertThat(rates.stream().filter(r -> r > 14)).as("rates above capacity offered").hasSize(2);
        assertThat(rates.stream().filter(r -> r <= 14).mapToDouble(Double::doubleValue).max().orElseThrow())
                .isGreaterThan(14 - (15.1875 - 10.125) / 8);
    }

    @Test
    void neverOffersMoreThanMaxAndSaysWhenEveryStepKeptUp() {
        SearchPlan plan = new SearchPlan(new SearchSettings(10, 3, 50, Duration.ofSeconds(1), 3, null, 0.03));
        List<Double> rates = new ArrayList<>();
        while (plan.next().isPresent()) {
            rates.add(plan.next().getAsDouble());
            plan.record(true);
        }
        assertThat(rates).containsExactly(10.0, 30.0, 50.0);
        assertThat(plan.end()).contains("capacity is higher");
    }

    @Test
    void aFirstRateNotKeptUpWithIsBisectedTowardsZero() {
        List<Double> rates = offered(SETTINGS, r -> r <= 0.9);
        assertThat(rates).containsExactly(2.0, 1.0, 0.5, 0.75);
    }

    @Test
    void faultsComeBeforeSaturationAndTheWaitLimitAfterIt() {
        SearchSettings limited = new SearchSettings(2, 1.5, 500, Duration.ofSeconds(20), 3, Duration.ofMillis(500), 0.03);
        StepRates.Figures saturated = new StepRates.Figures(200, 100.0, 50.0, 0, 2_000_000, 200_000, 1_400_000, 10, 69, 49.2, 120, 60, 0, null);
        StepRates.Figures keptUp = new StepRates.Figures(200, 100.0, 99.5, 0, 2_000_000, 200_000, 1_400_000, 0, 0, 0.0, 120, 119, 0, null);
        assertThat(StepVerdict.judge(saturated, 900_000L, List.of("3 dispatch requests created no task"), limited).verdict())
                .isEqualTo(CapacityStep.Verdict.FAULTED);
        StepVerdict v = StepVerdict.judge(saturated, 900_000L, List.of(), limited);
        assertThat(v.verdict()).isEqualTo(CapacityStep.Verdict.SATURATED);
        assertThat(v.reasons()).hasSize(2);
        assertThat(StepVerdict.judge(keptUp, 500_000L, List.of(), limited).verdict()).isEqualTo(CapacityStep.Verdict.WAIT_TOO_LONG);
        assertThat(StepVerdict.judge(keptUp, 499_999L, List.of(), limited).verdict()).isEqualTo(CapacityStep.Verdict.KEPT_UP);
        assertThat(StepVerdict.judge(keptUp, 5_000_000L, List.of(), SETTINGS).verdict()).isEqualTo(CapacityStep.Verdict.KEPT_UP);
        // 97% of 120 arrivals less one task of slack is 115.4: 116 completed keeps up, 115 does not
        StepRates.Figures behind = new StepRates.Figures(200, 100.0, 95.0, 0, 2_000_000, 200_000, 1_400_000, 0, 0, 0.0, 120, 116, 0, null);
        assertThat(StepVerdict.judge(behind, 0L, List.of(), SETTINGS).verdict()).isEqualTo(CapacityStep.Verdict.KEPT_UP);
        StepRates.Figures further = new StepRates.Figures(200, 100.0, 95.0, 0, 2_000_000, 200_000, 1_400_000, 0, 0, 0.0, 120, 115, 0, null);
        assertThat(StepVerdict.judge(further, 0L, List.of(), SETTINGS).verdict()).isEqualTo(CapacityStep.Verdict.SATURATED);
        // counts within the tolerance, but while tasks waited the workers managed only 96 of the 100 offered
        StepRates.Figures slowWorkers = new StepRates.Figures(200, 100.0, 99.0, 0, 2_000_000, 200_000, 1_400_000, 0, 1, 0.8, 120, 118,
                500_000, 96.0);
        assertThat(StepVerdict.judge(slowWorkers, 0L, List.of(), SETTINGS).reasons()).singleElement().asString()
                .contains("the workers completed 96.00 tasks/s");
    }
}
