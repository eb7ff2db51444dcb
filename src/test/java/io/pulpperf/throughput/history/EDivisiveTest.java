package io.pulpperf.throughput.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** E-divisive on synthetic series: where it finds a step, and how often it finds one in pure noise. */
class EDivisiveTest {
    private static double[] series(long seed, int n, int stepAt, double step, double noise) {
        Random r = new Random(seed);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = 100 * (i >= stepAt ? 1 + step : 1) * (1 + noise * r.nextGaussian());
        return z;
    }

    @Test
    void findsATenPercentStepInThirtyPointsWithThreePercentNoiseAtItsIndex() {
        int hits = 0;
        int runs = 50;
        for (int seed = 1; seed <= runs; seed++) {
            List<EDivisive.ChangePoint> cps = EDivisive.defaults().changePoints(series(seed, 30, 15, -0.10, 0.03));
            if (cps.size() == 1 && cps.get(0).index() == 15) hits++;
        }
        System.out.printf("E-divisive: 10%% step at 15 of 30 points, 3%% noise: found exactly there in %d of %d seeded series%n", hits, runs);
        assertThat(series(7, 30, 15, -0.10, 0.03)).hasSize(30);
        assertThat(EDivisive.defaults().changePoints(series(7, 30, 15, -0.10, 0.03)))
                .extracting(EDivisive.ChangePoint::index).containsExactly(15);
        assertThat(hits).as("exact hits of 50").isGreaterThanOrEqualTo(45);
    }

    @Test
    void findsTwoStepsInOneSeries() {
        double[] z = series(3, 45, 15, 0.0, 0.02);
        for (int i = 15; i < 30; i++) z[i] *= 0.85;
        assertThat(EDivisive.defaults().changePoints(z)).extracting(EDivisive.ChangePoint::index).containsExactly(15, 30);
    }

    @Test
    void pureNoiseRarelyHasAChangePoint() {
        int runs = 200;
        int withAny = 0;
        for (int seed = 1000; seed < 1000 + runs; seed++) {
            if (!EDivisive.defaults().changePoints(series(seed, 30, 30, 0, 0.03)).isEmpty()) withAny++;
        }
        System.out.printf("E-divisive: pure noise (30 points, 3%%): a change point in %d of %d seeded series (%.1f%%)%n",
                withAny, runs, 100.0 * withAny / runs);
        assertThat(EDivisive.defaults().changePoints(series(1000, 30, 30, 0, 0.03))).isEmpty();
        assertThat(withAny).as("series of 200 with a false change point").isLessThanOrEqualTo(6);
    }

    @Test
    void tooShortASeriesHasNone() {
        assertThat(EDivisive.defaults().changePoints(new double[] {1, 1, 1, 9, 9})).isEmpty();
    }
}
