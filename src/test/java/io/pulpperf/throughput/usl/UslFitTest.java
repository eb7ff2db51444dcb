package io.pulpperf.throughput.usl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Levenberg-Marquardt USL fit against points whose sigma, kappa and N* are known. */
class UslFitTest {
    private static final int[] COUNTS = {1, 2, 4, 8, 16, 32};

    private static List<UslFit.Observation> exact(UslModel m, int... counts) {
        List<UslFit.Observation> out = new ArrayList<>();
        for (int n : counts) out.add(new UslFit.Observation(n, m.rate(n)));
        return out;
    }

    @Test
    void recoversKnownSigmaKappaAndPeakFromExactPoints() {
        UslModel truth = new UslModel(50, 0.1, 0.005);
        UslFit.Result r = UslFit.fit(exact(truth, COUNTS));
        assertThat(r.model().sigma()).isCloseTo(0.1, within(0.01));
        assertThat(r.model().kappa()).isCloseTo(0.005, within(0.0005));
        assertThat(r.model().lambda()).isCloseTo(50, within(0.5));
        assertThat(r.model().peakWorkers()).isCloseTo(truth.peakWorkers(), within(1.0));
        assertThat(r.r2()).isGreaterThan(0.999);
    }

    @Test
    void recoversThemWithinTenPercentFromNoisyRepetitions() {
        UslModel truth = new UslModel(20, 0.05, 0.002);  // N* = 21.8
        Random random = new Random(7);
        List<UslFit.Observation> points = new ArrayList<>();
        for (int n : COUNTS) {
            for (int rep = 0; rep < 3; rep++) points.add(new UslFit.Observation(n, truth.rate(n) * (1 + 0.01 * random.nextGaussian())));
        }
        UslFit.Result r = UslFit.fit(points);
        assertThat(r.observations()).isEqualTo(18);
        assertThat(r.model().sigma()).isCloseTo(0.05, within(0.005));
        assertThat(r.model().kappa()).isCloseTo(0.002, within(0.0002));
        assertThat(r.model().peakWorkers()).isCloseTo(truth.peakWorkers(), within(1.0));
        assertThat(r.sigmaError()).isPositive().isLessThan(0.05);
        assertThat(r.kappaError()).isPositive().isLessThan(0.002);
    }

    @Test
    void linearScalingHasNoCoherencyCostAndNoPeak() {
        UslFit.Result r = UslFit.fit(exact(new UslModel(10, 0, 0), COUNTS));
        assertThat(r.model().kappa()).isLessThan(1e-6);
        assertThat(r.model().sigma()).isLessThan(1e-6);
        assertThat(r.model().peaksWithin(32)).isFalse();
        assertThat(r.model().amdahlCeilingRate()).isGreaterThan(1e5);
    }

    @Test
    void pureContentionIsAmdahlWithACeilingAndNoPeak() {
        UslFit.Result r = UslFit.fit(exact(new UslModel(10, 0.2, 0), COUNTS));
        assertThat(r.model().kappa()).isLessThan(1e-6);
        assertThat(r.model().peaksWithin(32)).isFalse();
        assertThat(r.model().amdahlCeilingRate()).isCloseTo(50, within(0.5));
    }

    @Test
    void theRealPulpSweepIsNotDescribedByTheModel() {
        // pulpcore 3.105.16 on 2 cores, backlog drains of 320 repository deletes (pulp-api-facts.md §9, issue 22).
        UslFit.Result r = UslFit.fit(UslFit.observations(COUNTS, new double[] {11.28, 16.58, 16.28, 14.33, 15.05, 14.72}));
        assertThat(r.r2()).isBetween(0.3, 0.6);
        assertThat(r.model().sigma()).isGreaterThanOrEqualTo(0);
        assertThat(r.model().kappa()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void coefficientsNeverGoNegativeEvenWhenTheDataRiseFasterThanLinear() {
        UslFit.Result r = UslFit.fit(UslFit.observations(new int[] {1, 2, 4, 8}, new double[] {10, 22, 48, 100}));
        assertThat(r.model().sigma()).isGreaterThanOrEqualTo(0);
        assertThat(r.model().kappa()).isGreaterThanOrEqualTo(0);
    }
}
