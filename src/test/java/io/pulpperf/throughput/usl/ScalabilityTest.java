package io.pulpperf.throughput.usl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a group's scalability report says: measured figures always, the model only where it fits. */
class ScalabilityTest {
    private static List<MeasuredPoint> points(int[] counts, double[] rates) {
        List<MeasuredPoint> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) out.add(MeasuredPoint.of("run-" + counts[i] + "w", counts[i], rates[i]));
        return out;
    }

    private static List<MeasuredPoint> exact(UslModel m, int... counts) {
        double[] rates = new double[counts.length];
        for (int i = 0; i < counts.length; i++) rates[i] = m.rate(counts[i]);
        return points(counts, rates);
    }

    @Test
    void theRealPulpSweepIsReportedAsNotDescribedWithItsMeasuredFigures() {
        Scalability s = Scalability.of("repository-delete, backlog", points(new int[] {1, 2, 4, 8, 16, 32},
                new double[] {11.28, 16.58, 16.28, 14.33, 15.05, 14.72}));
        assertThat(s.fitted()).isFalse();
        assertThat(s.model()).isNull();
        assertThat(s.fit().r2()).isCloseTo(0.49, within(0.01));
        assertThat(s.reason()).isEqualTo("USL fit R^2 0.49 < 0.90: the model does not describe these data");
        assertThat(s.bestMeasured().workers()).isEqualTo(2);
        double[] gains = {5.30, -0.15, (14.33 - 16.28) / 4, (15.05 - 14.33) / 8, (14.72 - 15.05) / 16};
        assertThat(s.steps().get(0).marginalGain()).isNull();
        for (int i = 0; i < gains.length; i++) assertThat(s.steps().get(i + 1).marginalGain()).isCloseTo(gains[i], within(1e-9));
        assertThat(s.sentence()).startsWith("repository-delete, backlog: USL fit R^2 0.49 < 0.90")
                .contains("best measured 2 workers at 16.58 tasks/s").contains("+5.30 (1->2)").contains("-0.02 (16->32)")
                .doesNotContain("sigma").doesNotContain("N*");
        assertThat(s.toJson()).containsEntry("fitted", false).containsEntry("sigma", null).containsEntry("peakWorkers", null)
                .containsEntry("bestMeasuredWorkers", 2);
    }

    @Test
    void fewerThanFourCountsAreNotFitted() {
        Scalability s = Scalability.of("g", exact(new UslModel(10, 0.1, 0.01), 1, 2, 4));
        assertThat(s.fit()).isNull();
        assertThat(s.fitted()).isFalse();
        assertThat(s.reason()).isEqualTo("3 worker counts measured; a USL fit needs 4 or more");
        assertThat(s.bestMeasured().workers()).isEqualTo(4);
    }

    @Test
    void aPeakWithinReachIsNamedWithTheCountsMeasuredPastIt() {
        UslModel truth = new UslModel(50, 0.1, 0.005);  // N* = 13.4
        Scalability s = Scalability.of("g", exact(truth, 1, 2, 4, 8, 16, 32));
        assertThat(s.fitted()).isTrue();
        assertThat(s.hasPeak()).isTrue();
        assertThat(s.model().peakWorkers()).isCloseTo(13.4, within(1.0));
        assertThat(s.pastPeak()).containsExactly(16, 32);
        double cost = (1 - truth.rate(32) / truth.rate(truth.peakWorkers())) / (32 - truth.peakWorkers());
        assertThat(s.costPerAddedWorker()).isCloseTo(cost, within(0.001));
        assertThat(s.sentence()).contains("peak N* 13.4 workers at").contains("beyond 13.4 workers each added worker costs 1.0% throughput")
                .contains("measured past the peak: 16, 32");
        assertThat(s.toJson()).containsKeys("lambda", "sigma", "kappa", "r2", "peakWorkers", "peakRate", "points");
    }

    @Test
    void aPeakPastTheLargestCountIsCalledAnExtrapolation() {
        Scalability s = Scalability.of("g", exact(new UslModel(10, 0.02, 0.001), 1, 2, 4, 8, 16));  // N* = 31.3
        assertThat(s.hasPeak()).isTrue();
        assertThat(s.pastPeak()).isEmpty();
        assertThat(s.sentence()).contains("peak N* 31.3 workers").contains("(extrapolated: beyond the largest count measured, 16)");
    }

    @Test
    void linearScalingHasNoPeakAndSaysSo() {
        Scalability s = Scalability.of("g", exact(new UslModel(10, 0, 0), 1, 2, 4, 8));
        assertThat(s.fitted()).isTrue();
        assertThat(s.hasPeak()).isFalse();
        assertThat(s.pastPeak()).isEmpty();
        assertThat(s.sentence()).contains("scales linearly");
        assertThat(s.toJson()).containsEntry("peakWorkers", null);
    }

    @Test
    void amdahlOnlyGivesACeiling() {
        Scalability s = Scalability.of("g", exact(new UslModel(10, 0.25, 0), 1, 2, 4, 8, 16));
        assertThat(s.hasPeak()).isFalse();
        assertThat(s.sentence()).contains("Amdahl ceiling 40.00 tasks/s");
    }

    @Test
    void everyRepetitionIsFittedAndTheSpreadKept() {
        UslModel truth = new UslModel(20, 0.05, 0.002);
        List<MeasuredPoint> points = new ArrayList<>();
        for (int n : new int[] {1, 2, 4, 8}) {
            double r = truth.rate(n);
            points.add(new MeasuredPoint("r" + n, n, List.of(r * 0.98, r * 1.02), r * 0.95, r * 1.05));
        }
        Scalability s = Scalability.of("g", points);
        assertThat(s.fit().observations()).isEqualTo(8);
        assertThat(s.steps().get(0).rate()).isCloseTo(20, within(1e-9));
        assertThat(s.steps().get(0).low()).isCloseTo(19, within(1e-9));
        assertThat(s.steps().get(0).high()).isCloseTo(21, within(1e-9));
    }

    @Test
    void severalRunsAtOneCountAreOneStep() {
        Scalability s = Scalability.of("g", points(new int[] {1, 1, 2}, new double[] {10, 12, 15}));
        assertThat(s.steps()).hasSize(2);
        assertThat(s.steps().get(0).rate()).isEqualTo(11);
        assertThat(s.steps().get(0).low()).isEqualTo(10);
        assertThat(s.steps().get(1).marginalGain()).isEqualTo(4);
    }
}
