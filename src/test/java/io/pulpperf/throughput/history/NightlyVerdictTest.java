package io.pulpperf.throughput.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verdict's false alarms and power on synthetic seeded nights (SyntheticNights; README "Nightly
 * history and regressions", the table), after 5-10 earlier nights (a new nightly's second week) and
 * after 20 (a month). Pure arithmetic, no simulator.
 */
class NightlyVerdictTest {
    private static final int SEEDS = 200;
    /** Matrices of 200 identical nights for the false alarms: 40 measure a 1% rate to about +-0.12 points (10 to +-0.25). */
    static final int HISTORIES = 40;
    private final SyntheticNights nights = new SyntheticNights(new Judge(JudgeSettings.defaults(), null, AcceptedChanges.none()));

    @Test
    void theTable() {
        List<SyntheticNights.Row> rows = new ArrayList<>();
        List<SyntheticNights.Row> month = new ArrayList<>();
        for (int scenarios : new int[] {2, 1}) {
            for (double noise : new double[] {0.02, 0.08, 0.15}) {
                double fa = nights.falseAlarms(scenarios, noise, HISTORIES);
                rows.add(nights.shortRow(scenarios, noise, fa, SEEDS));
                month.add(nights.longRow(scenarios, noise, 20, fa, SEEDS));
            }
        }
        System.out.println(SyntheticNights.Row.HEADER);
        rows.forEach(r -> System.out.println(r.markdown()));
        month.forEach(r -> System.out.println(r.markdown()));
        // The bound at every noise, pooled and alone.
        for (SyntheticNights.Row r : rows) assertThat(r.falseAlarms()).as("false alarms, " + r.matrix() + ", " + r.noise()).isLessThanOrEqualTo(0.01);
        SyntheticNights.Row quiet = rows.get(0);
        SyntheticNights.Row pooled = rows.get(1);
        SyntheticNights.Row lone = rows.get(4);
        SyntheticNights.Row pooledMonth = month.get(1);
        // What the method sees at each noise (measured 2026-12-07, README table); a change that loses power fails here.
        assertThat(quiet.drop30()).isEqualTo(1.0);
        assertThat(quiet.lasting15()).isGreaterThanOrEqualTo(0.95);
        assertThat(pooled.drop30()).isGreaterThanOrEqualTo(0.55);
        assertThat(pooled.drop30Repeat3()).isGreaterThan(pooled.drop30());
        assertThat(pooled.lasting15()).isGreaterThanOrEqualTo(0.25);
        assertThat(pooled.lasting10Repeat3()).isGreaterThanOrEqualTo(0.40);
        assertThat(pooled.staysRed()).isGreaterThanOrEqualTo(0.70);
        assertThat(pooled.drop30()).as("pooling helps a short series").isGreaterThan(lone.drop30());
        assertThat(pooledMonth.drop30()).as("a month of nights sees more than a week").isGreaterThanOrEqualTo(0.80);
        assertThat(pooledMonth.lasting15()).isGreaterThanOrEqualTo(0.40);
    }
}
