package io.pulpperf.throughput.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The verdict's false alarms and power on synthetic seeded nights (README "Nightly history and
 * regressions", the table): each scenario's throughput is lognormal around its level with the
 * given relative spread (night-to-night noise), with repeat k the median of k independent rounds.
 * A matrix of two scenarios on one target pools its noise; a lone scenario has only its own.
 * Every night is judged as NightlyHistory does: against the records before it, its verdict then
 * written into its record. Pure arithmetic, no simulator: about 2 s.
 */
class NightlyVerdictTest {
    private static final double[] BASE = {8, 12};
    private final Judge judge = new Judge(JudgeSettings.defaults(), null, AcceptedChanges.none());

    /** One target's history: scenarios s0, s1 ... run each night. */
    private final class Matrix {
        final int scenarios;
        final int rounds;
        final double noise;
        final Random random;
        final List<HistoryRecord> records = new ArrayList<>();
        int night;

        Matrix(int scenarios, int rounds, double noise, long seed) {
            this.scenarios = scenarios;
            this.rounds = rounds;
            this.noise = noise;
            this.random = new Random(seed);
        }

        /** One night; factor[s] multiplies scenario s's level. Returns each scenario's judgement. */
        List<SeriesJudgement> night(double... factor) {
            TargetNoise target = new TargetNoise(records, AcceptedChanges.none());
            List<SeriesJudgement> out = new ArrayList<>();
            List<HistoryRecord> tonight = new ArrayList<>();
            for (int s = 0; s < scenarios; s++) {
                double[] tps = new double[rounds];
                for (int r = 0; r < rounds; r++) tps[r] = BASE[s] * factor[s] * Math.exp(noise * random.nextGaussian());
                String series = "s" + s + "@0";
                List<HistoryRecord> earlier = records.stream().filter(h -> h.series().equals(series)).toList();
                SeriesJudgement j = judge.judge(series, earlier, new Judge.Tonight("n" + night + "s" + s, "n" + night,
                        Map.of(FigureCatalog.THROUGHPUT, tps)), "", target);
                out.add(j);
                tonight.add(new HistoryRecord(1, "n" + night, "n" + night + "s" + s, "s" + s, series, HistoryRecord.OK, j.verdict(), Map.of(),
                        "test", Map.of(), rounds, Map.of(FigureCatalog.THROUGHPUT, Spread.of(tps).median()), null, null));
            }
            records.addAll(tonight);
            night++;
            return out;
        }

        void quiet(int nights) {
            for (int i = 0; i < nights; i++) night(ones());
        }

        double[] ones() {
            double[] f = new double[scenarios];
            java.util.Arrays.fill(f, 1);
            return f;
        }

        /** Scenario 0 at factor, the others unchanged. */
        double[] first(double factor) {
            double[] f = ones();
            f[0] = factor;
            return f;
        }
    }

    /** False alarms per judged scenario-night over {@code histories} matrices of 200 identical nights. */
    double falseAlarms(int scenarios, double noise, int histories) {
        int alarms = 0;
        int judged = 0;
        for (int h = 0; h < histories; h++) {
            Matrix m = new Matrix(scenarios, 1, noise, 10_000 + h);
            for (int n = 0; n < 200; n++) {
                for (SeriesJudgement j : m.night(m.ones())) {
                    if (j.verdict().equals(FigureJudgement.NOT_JUDGED)) continue;
                    judged++;
                    if (j.regressed()) alarms++;
                }
            }
        }
        return (double) alarms / judged;
    }

    /** Share of seeds in which a step to {@code factor} is flagged within {@code within} nights after {@code before} quiet ones. */
    double caught(int scenarios, int rounds, double noise, int before, double factor, int within, int seeds) {
        int caught = 0;
        for (int s = 0; s < seeds; s++) {
            Matrix m = new Matrix(scenarios, rounds, noise, 20_000 + s);
            m.quiet(before);
            for (int n = 0; n < within; n++) {
                if (m.night(m.first(factor)).get(0).regressed()) {
                    caught++;
                    break;
                }
            }
        }
        return (double) caught / seeds;
    }

    /** Share of nights 4-10 of a lasting step judged a regression, in the seeds that flagged it by night 3. */
    double staysRed(int scenarios, double noise, int before, double factor, int seeds) {
        int red = 0;
        int nights = 0;
        for (int s = 0; s < seeds; s++) {
            Matrix m = new Matrix(scenarios, 1, noise, 30_000 + s);
            m.quiet(before);
            boolean flagged = false;
            for (int n = 1; n <= 10; n++) {
                boolean r = m.night(m.first(factor)).get(0).regressed();
                if (n <= 3) flagged |= r;
                else if (flagged) {
                    nights++;
                    if (r) red++;
                }
            }
        }
        return nights == 0 ? 0 : (double) red / nights;
    }

    record Row(String matrix, double noise, double falseAlarms, double drop30, double drop30Repeat3, double lasting15, double lasting10Repeat3,
               double staysRed) {
        String markdown() {
            return String.format(Locale.ROOT, "| %s | %.0f%% | %.2f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% |", matrix, noise * 100,
                    falseAlarms * 100, drop30 * 100, drop30Repeat3 * 100, lasting15 * 100, lasting10Repeat3 * 100, staysRed * 100);
        }
    }

    Row row(int scenarios, double noise) {
        int seeds = 200;
        return new Row(scenarios == 1 ? "lone scenario" : scenarios + " scenarios, one target", noise, falseAlarms(scenarios, noise, 10),
                caught(scenarios, 1, noise, 5, 0.70, 1, seeds), caught(scenarios, 3, noise, 5, 0.70, 1, seeds),
                caught(scenarios, 1, noise, 10, 0.85, 3, seeds),
                caught(scenarios, 3, noise, 10, 0.90, 5, seeds), staysRed(scenarios, noise, 10, 0.85, seeds));
    }

    @Test
    void theTable() {
        List<Row> rows = new ArrayList<>();
        for (int scenarios : new int[] {2, 1}) for (double noise : new double[] {0.02, 0.08, 0.15}) rows.add(row(scenarios, noise));
        System.out.println("| Matrix | Noise | False alarms per scenario-night (200 nights x 10) | -30% on its first night (5 earlier) "
                + "| the same, repeat 3 | Lasting -15% within 3 nights (10 earlier) | Lasting -10% within 5 nights, repeat 3 (10 earlier) "
                + "| Nights 4-10 of the -15% still red |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(r -> System.out.println(r.markdown()));
        Row quiet = rows.get(0);
        Row pooled = rows.get(1);
        Row lone = rows.get(4);
        // The bound at a real target's noise, pooled and alone.
        assertThat(pooled.falseAlarms()).as("false alarms at 8%, two scenarios").isLessThanOrEqualTo(0.01);
        assertThat(lone.falseAlarms()).as("false alarms at 8%, a lone scenario").isLessThanOrEqualTo(0.01);
        // What the method sees at each noise (measured 2026-12-07, README table); a change that loses power fails here.
        assertThat(quiet.drop30()).isEqualTo(1.0);
        assertThat(quiet.lasting15()).isGreaterThanOrEqualTo(0.95);
        assertThat(pooled.drop30()).isGreaterThanOrEqualTo(0.45);
        assertThat(pooled.drop30Repeat3()).isGreaterThan(pooled.drop30());
        assertThat(pooled.lasting15()).isGreaterThanOrEqualTo(0.15);
        assertThat(pooled.staysRed()).isGreaterThanOrEqualTo(0.5);
        assertThat(pooled.drop30()).as("pooling helps a short series").isGreaterThan(lone.drop30());
    }
}
